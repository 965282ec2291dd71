// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: MTR Review Console contributors
#pragma once

#include <QObject>

class QSocketNotifier;

namespace mtr::workflow {

/// Turns SIGINT, SIGTERM and SIGHUP into a Qt signal on the main thread (self-pipe: the handler
/// only writes one byte), so a polling agent stops between two event-loop turns and a console
/// being logged out of saves the analyst's draft before it goes.
class SignalWatcher : public QObject
{
    Q_OBJECT

public:
    /// Installs the handlers; one watcher per process.
    explicit SignalWatcher(QObject* parent = nullptr);
    ~SignalWatcher() override;

signals:
    /// SIGINT, SIGTERM or SIGHUP arrived.
    void signalled(int signal);

private:
    void drain();

    QSocketNotifier* m_notifier = nullptr;
};

} // namespace mtr::workflow
