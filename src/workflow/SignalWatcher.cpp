// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: MTR Review Console contributors
#include "workflow/SignalWatcher.h"

#include <QSocketNotifier>

#include <sys/socket.h>

#include <csignal>
#include <fcntl.h>
#include <unistd.h>

namespace mtr::workflow {
namespace {

constexpr int HandledSignals[] = {SIGINT, SIGTERM, SIGHUP};

int s_fds[2] = {-1, -1};

extern "C" void onSignal(int signal)
{
    const char byte = char(signal);
    [[maybe_unused]] const ssize_t written = ::write(s_fds[0], &byte, 1);
}

} // namespace

SignalWatcher::SignalWatcher(QObject* parent)
    : QObject(parent)
{
    if (::socketpair(AF_UNIX, SOCK_STREAM | SOCK_CLOEXEC, 0, s_fds) != 0) {
        return;
    }
    m_notifier = new QSocketNotifier(s_fds[1], QSocketNotifier::Read, this);
    connect(m_notifier, &QSocketNotifier::activated, this, &SignalWatcher::drain);
    struct sigaction action = {};
    action.sa_handler = onSignal;
    sigemptyset(&action.sa_mask);
    action.sa_flags = SA_RESTART;
    for (const int signal : HandledSignals)
        sigaction(signal, &action, nullptr);
}

SignalWatcher::~SignalWatcher()
{
    for (const int signal : HandledSignals)
        std::signal(signal, SIG_DFL);
    delete m_notifier;
    for (int& fd : s_fds) {
        if (fd >= 0) {
            ::close(fd);
            fd = -1;
        }
    }
}

void SignalWatcher::drain()
{
    char byte = 0;
    if (::read(s_fds[1], &byte, 1) == 1) {
        emit signalled(int(byte));
    }
}

} // namespace mtr::workflow
