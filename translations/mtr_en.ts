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
    <message>
        <source>&amp;From</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>to</source>
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
    <message>
        <source>Evidence for this &amp;sentence:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Evidence of the current sentence</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Recorded on Central &amp;case:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Central case the notification is recorded on</source>
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
    <message>
        <source>&amp;Source:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Occurrences of the selected indicator</source>
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
    <name>QObject</name>
    <message>
        <source>Security notification</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Customer notification</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 of %2 approvals; waiting for another analyst.</source>
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
    <name>mtr::app::AlertQueueModel</name>
    <message>
        <source>Critical</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>High</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Medium</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Low</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Info</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Unknown</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>in the future</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>%n min</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n h</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n d</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <source>Loading…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Severity</source>
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
        <source>Age</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>AI score</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Type</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Description</source>
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
    <message>
        <source>The queue could not be read from the workspace: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>%n alert(s) shown</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
</context>
<context>
    <name>mtr::app::ApprovalQueuePane</name>
    <message>
        <source>%1

Why: %2
Expected impact: %3

Exactly what will be approved:
%4</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Approve the selected proposal (Ctrl+Return)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Reject the selected proposal (Ctrl+Delete)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>

Outbox: %1 (attempts: %2)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>

Approved by: %1</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>mtr::app::CaseTimelineModel</name>
    <message>
        <source>(unknown host)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 (pid %2)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 → %2:%3</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>As written in the source: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>Correlated with %n other event(s)</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <source>Time (UTC)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Source</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Event</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Process</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Network</source>
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
    <message numerus="yes">
        <source>%1 of %n event(s) shown</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
</context>
<context>
    <name>mtr::app::ConsoleController</name>
    <message>
        <source>The workspace could not be opened: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>no client secret in the keychain</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Syncing %1: %2 so far</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sync of %1 failed: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Outbox item %1: %2 %3</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>%n new alert(s)</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n tenant(s)</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <source>The case could not be assembled: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The case could not be read: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Assistant: %1 (%2 of %3)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The assistant could not finish: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Drafts ready.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Approved and recorded in the audit log.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Approval not recorded: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Approved; the message is in the outbox.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Not approved: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Approved; in the outbox.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Rejected.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Not rejected: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Import evidence into the case</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Open an alert first: evidence is imported into its case.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Importing %1…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Imported %1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Import cancelled; nothing was stored.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Import of %1 failed: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No language model is configured: the offline drafter writes from the case data and cannot follow a note. Set a model in Settings (Ctrl+,) to ask for a new draft.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No Sophos Central case of this tenant is synced to record the notification on; sync (F5) and try again.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The cited evidence %1 is not among the case&apos;s evidence items.</source>
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
    <message>
        <source>Saved at %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Ask for a new draft</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>What should the new draft do differently?</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Approve this text (Ctrl+Shift+A)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Reject the draft (Ctrl+Shift+R)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Ask for a new draft with a note (Ctrl+Shift+N)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No evidence linked to this sentence.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Evidence</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Timeline event</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>SIEM event</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Endpoint</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Alert</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1: %2</source>
        <extracomment>An evidence entry under an AI sentence: its kind, then its identifier.</extracomment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Double-click or press Enter to show this evidence (Ctrl+Shift+E shows the first)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>(none synced for this tenant)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The notification is recorded on this case in Sophos Central and e-mailed to the tenant&apos;s contacts. Cases that name this alert&apos;s device come first.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>mtr::app::EvidenceViewerPane</name>
    <message>
        <source>%1 — %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>Warning: this evidence contains %n passage(s) that read like instructions to an AI assistant. They are treated as data and never followed; check them yourself.</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <source>%1, line %2: %3</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>mtr::app::IndicatorModel</name>
    <message>
        <source>IPv4</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>IPv6</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Domain</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>URL</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>E-mail</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>MD5</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>SHA-1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>SHA-256</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Windows path</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Unix path</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Registry key</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>CVE</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Type</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Indicator</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Seen</source>
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
    <name>mtr::app::ProposalModel</name>
    <message>
        <source>Isolate endpoint</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Alert action</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Live Discover query</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Live Response command</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Customer message</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Block file hash</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>High: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Waiting for approval</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Needs a second analyst</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Approved</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Kind</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Proposal</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Expected impact</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Status</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Approved; waiting to be sent</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Will retry: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sending…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sent</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Failed: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Outcome unknown, check Central: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Automation (%1)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Approved by</source>
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
