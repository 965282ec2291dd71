// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: MTR Review Console contributors
#pragma once

#include <QObject>

class QSocketNotifier;

namespace mtr::agent {

/// Turns SIGINT and SIGTERM into a Qt signal on the main thread (self-pipe: the handler only
/// writes one byte), so a polling agent stops between two event-loop turns.
class SignalWatcher : public QObject
{
    Q_OBJECT

public:
    /// Installs the handlers; one watcher per process.
    explicit SignalWatcher(QObject* parent = nullptr);
    ~SignalWatcher() override;

signals:
    /// SIGINT or SIGTERM arrived.
    void signalled(int signal);

private:
    void drain();

    QSocketNotifier* m_notifier = nullptr;
};

} // namespace mtr::agent
