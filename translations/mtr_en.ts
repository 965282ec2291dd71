<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en_US" sourcelanguage="en_US">
<context>
    <name>AlertQueuePane</name>
    <message>
        <source>Filter alerts (text)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Minimum severity</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Tenant</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Status</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Alert queue</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ApprovalQueuePane</name>
    <message>
        <source>Approval queue</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Proposal details</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Re&amp;ject</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A&amp;pprove</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>CaseTimelinePane</name>
    <message>
        <source>Filter events (text)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Event source</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Case timeline</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ConsoleOptions</name>
    <message>
        <source>Review, approve and send MTR cases.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sophos Central base URL (token and API).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Extra CA certificate file (PEM).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sophos Central API client id.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Workspace database file (SQLite).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Save a PNG of the main window once data is shown, then exit.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>DraftEditorPane</name>
    <message>
        <source>Draft:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Ask for a &amp;New Draft…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Reject</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Approve</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>AI draft (read-only)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>AI draft</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Analyst version</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>EvidenceViewerPane</name>
    <message>
        <source>Raw evidence</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Indicators</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <source>MTR Review Console</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;File</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;View</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Help</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Alert Queue</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Approval Queue</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Case Timeline</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Evidence</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>AI Drafts</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Import Evidence…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Add a SIEM export, firewall log or Live Response output to the open case</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>S&amp;ync with Sophos Central</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Settings…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Alert &amp;Queue</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Case &amp;Timeline</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Evidence</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>AI &amp;Drafts</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Approvals</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Next Pane</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Previous Pane</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Reset Layout</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;About MTR Review Console</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>SettingsDialog</name>
    <message>
        <source>Settings</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sophos Central</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Client &amp;ID:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Client &amp;secret:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Stored in the system keychain</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Token host:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;API host:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;CA file:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>System certificates only</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Browse…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>AI Assistant</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Backend:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Base &amp;URL:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Model:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>API &amp;key:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Runs &amp;on our premises (personal data may be sent unredacted)</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>mtr::app::AlertQueuePane</name>
    <message>
        <source>All severities</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>High and above</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Medium and above</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Open alerts</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>All statuses</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Acknowledged</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>All tenants</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>mtr::app::CaseTimelinePane</name>
    <message>
        <source>All sources</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Detections</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Processes</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Firewall</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Live Response</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>SIEM events</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>mtr::app::DraftEditorPane</name>
    <message>
        <source>Case summary</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Customer notification</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Executive summary</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>mtr::app::MainWindow</name>
    <message>
        <source>Tenant: none</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Tenant: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sophos Central: not configured</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sophos Central: connecting…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sophos Central: connected</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sophos Central: connection failed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sophos Central: offline</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 (%2)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Settings saved; a secret is kept for this session only (no keychain available).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Settings saved.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>About MTR Review Console</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>MTR Review Console %1
The AI prepares every case; the analyst decides.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>mtr::app::SettingsDialog</name>
    <message>
        <source>Built-in offline drafter (no model)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Choose a CA certificate</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>PEM certificates (*.pem *.crt);;All files (*)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The keychain refused to store a secret: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No system keychain is available. The secret is kept for this session only and will be asked for again after a restart. It was not written to disk.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
</TS>
