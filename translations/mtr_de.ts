<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="de_DE" sourcelanguage="en_US">
<context>
    <name>AlertQueuePane</name>
    <message>
        <source>Filter alerts (text)</source>
        <translation>Alarme filtern (Text)</translation>
    </message>
    <message>
        <source>Minimum severity</source>
        <translation>Mindestschweregrad</translation>
    </message>
    <message>
        <source>Tenant</source>
        <translation>Mandant</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Status</translation>
    </message>
    <message>
        <source>Alert queue</source>
        <translation>Alarmwarteschlange</translation>
    </message>
</context>
<context>
    <name>ApprovalQueuePane</name>
    <message>
        <source>Approval queue</source>
        <translation>Freigaben</translation>
    </message>
    <message>
        <source>Proposal details</source>
        <translation>Details des Vorschlags</translation>
    </message>
    <message>
        <source>Re&amp;ject</source>
        <translation>Ab&amp;lehnen</translation>
    </message>
    <message>
        <source>A&amp;pprove</source>
        <translation>&amp;Freigeben</translation>
    </message>
</context>
<context>
    <name>CaseTimelinePane</name>
    <message>
        <source>Filter events (text)</source>
        <translation>Ereignisse filtern (Text)</translation>
    </message>
    <message>
        <source>Event source</source>
        <translation>Ereignisquelle</translation>
    </message>
    <message>
        <source>Case timeline</source>
        <translation>Fallzeitachse</translation>
    </message>
</context>
<context>
    <name>ConsoleOptions</name>
    <message>
        <source>Review, approve and send MTR cases.</source>
        <translation>MTR-Fälle prüfen, freigeben und versenden.</translation>
    </message>
    <message>
        <source>Sophos Central base URL (token and API).</source>
        <translation>Basis-URL von Sophos Central (Token und API).</translation>
    </message>
    <message>
        <source>Extra CA certificate file (PEM).</source>
        <translation>Zusätzliche CA-Zertifikatsdatei (PEM).</translation>
    </message>
    <message>
        <source>Sophos Central API client id.</source>
        <translation>Client-ID der Sophos-Central-API.</translation>
    </message>
    <message>
        <source>Workspace database file (SQLite).</source>
        <translation>Datenbankdatei des Arbeitsbereichs (SQLite).</translation>
    </message>
    <message>
        <source>Save a PNG of the main window once data is shown, then exit.</source>
        <translation>Ein PNG des Hauptfensters speichern, sobald Daten angezeigt werden, dann beenden.</translation>
    </message>
</context>
<context>
    <name>DraftEditorPane</name>
    <message>
        <source>Draft:</source>
        <translation>Entwurf:</translation>
    </message>
    <message>
        <source>Ask for a &amp;New Draft…</source>
        <translation>&amp;Neuen Entwurf anfordern…</translation>
    </message>
    <message>
        <source>&amp;Reject</source>
        <translation>&amp;Ablehnen</translation>
    </message>
    <message>
        <source>&amp;Approve</source>
        <translation>&amp;Freigeben</translation>
    </message>
    <message>
        <source>AI draft (read-only)</source>
        <translation>KI-Entwurf (schreibgeschützt)</translation>
    </message>
    <message>
        <source>AI draft</source>
        <translation>KI-Entwurf</translation>
    </message>
    <message>
        <source>Analyst version</source>
        <translation>Fassung des Analysten</translation>
    </message>
</context>
<context>
    <name>EvidenceViewerPane</name>
    <message>
        <source>Raw evidence</source>
        <translation>Rohdaten der Beweismittel</translation>
    </message>
    <message>
        <source>Indicators</source>
        <translation>Indikatoren</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <source>MTR Review Console</source>
        <translation>MTR-Prüfkonsole</translation>
    </message>
    <message>
        <source>&amp;File</source>
        <translation>&amp;Datei</translation>
    </message>
    <message>
        <source>&amp;View</source>
        <translation>&amp;Ansicht</translation>
    </message>
    <message>
        <source>&amp;Help</source>
        <translation>&amp;Hilfe</translation>
    </message>
    <message>
        <source>Alert Queue</source>
        <translation>Alarmwarteschlange</translation>
    </message>
    <message>
        <source>Approval Queue</source>
        <translation>Freigaben</translation>
    </message>
    <message>
        <source>Case Timeline</source>
        <translation>Fallzeitachse</translation>
    </message>
    <message>
        <source>Evidence</source>
        <translation>Beweismittel</translation>
    </message>
    <message>
        <source>AI Drafts</source>
        <translation>KI-Entwürfe</translation>
    </message>
    <message>
        <source>&amp;Import Evidence…</source>
        <translation>Beweismittel &amp;importieren…</translation>
    </message>
    <message>
        <source>Add a SIEM export, firewall log or Live Response output to the open case</source>
        <translation>Einen SIEM-Export, ein Firewall-Protokoll oder eine Live-Response-Ausgabe zum offenen Fall hinzufügen</translation>
    </message>
    <message>
        <source>S&amp;ync with Sophos Central</source>
        <translation>Mit Sophos Central s&amp;ynchronisieren</translation>
    </message>
    <message>
        <source>&amp;Settings…</source>
        <translation>&amp;Einstellungen…</translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation>&amp;Beenden</translation>
    </message>
    <message>
        <source>Alert &amp;Queue</source>
        <translation>Alarm&amp;warteschlange</translation>
    </message>
    <message>
        <source>Case &amp;Timeline</source>
        <translation>Fall&amp;zeitachse</translation>
    </message>
    <message>
        <source>&amp;Evidence</source>
        <translation>&amp;Beweismittel</translation>
    </message>
    <message>
        <source>AI &amp;Drafts</source>
        <translation>KI-&amp;Entwürfe</translation>
    </message>
    <message>
        <source>&amp;Approvals</source>
        <translation>&amp;Freigaben</translation>
    </message>
    <message>
        <source>&amp;Next Pane</source>
        <translation>&amp;Nächster Bereich</translation>
    </message>
    <message>
        <source>&amp;Previous Pane</source>
        <translation>&amp;Vorheriger Bereich</translation>
    </message>
    <message>
        <source>&amp;Reset Layout</source>
        <translation>Anordnung &amp;zurücksetzen</translation>
    </message>
    <message>
        <source>&amp;About MTR Review Console</source>
        <translation>&amp;Über die MTR-Prüfkonsole</translation>
    </message>
</context>
<context>
    <name>SettingsDialog</name>
    <message>
        <source>Settings</source>
        <translation>Einstellungen</translation>
    </message>
    <message>
        <source>Sophos Central</source>
        <translation>Sophos Central</translation>
    </message>
    <message>
        <source>Client &amp;ID:</source>
        <translation>Client-&amp;ID:</translation>
    </message>
    <message>
        <source>Client &amp;secret:</source>
        <translation>Client-&amp;Geheimnis:</translation>
    </message>
    <message>
        <source>Stored in the system keychain</source>
        <translation>Im Schlüsselbund des Systems gespeichert</translation>
    </message>
    <message>
        <source>&amp;Token host:</source>
        <translation>&amp;Token-Host:</translation>
    </message>
    <message>
        <source>&amp;API host:</source>
        <translation>&amp;API-Host:</translation>
    </message>
    <message>
        <source>&amp;CA file:</source>
        <translation>&amp;CA-Datei:</translation>
    </message>
    <message>
        <source>System certificates only</source>
        <translation>Nur Systemzertifikate</translation>
    </message>
    <message>
        <source>&amp;Browse…</source>
        <translation>&amp;Durchsuchen…</translation>
    </message>
    <message>
        <source>AI Assistant</source>
        <translation>KI-Assistent</translation>
    </message>
    <message>
        <source>&amp;Backend:</source>
        <translation>&amp;Backend:</translation>
    </message>
    <message>
        <source>Base &amp;URL:</source>
        <translation>Basis-&amp;URL:</translation>
    </message>
    <message>
        <source>&amp;Model:</source>
        <translation>&amp;Modell:</translation>
    </message>
    <message>
        <source>API &amp;key:</source>
        <translation>API-&amp;Schlüssel:</translation>
    </message>
    <message>
        <source>Runs &amp;on our premises (personal data may be sent unredacted)</source>
        <translation>Läuft in unserem &amp;Haus (personenbezogene Daten dürfen ungeschwärzt gesendet werden)</translation>
    </message>
</context>
<context>
    <name>mtr::app::AlertQueuePane</name>
    <message>
        <source>All severities</source>
        <translation>Alle Schweregrade</translation>
    </message>
    <message>
        <source>High and above</source>
        <translation>Hoch und darüber</translation>
    </message>
    <message>
        <source>Medium and above</source>
        <translation>Mittel und darüber</translation>
    </message>
    <message>
        <source>Open alerts</source>
        <translation>Offene Alarme</translation>
    </message>
    <message>
        <source>All statuses</source>
        <translation>Alle Status</translation>
    </message>
    <message>
        <source>Acknowledged</source>
        <translation>Bestätigt</translation>
    </message>
    <message>
        <source>All tenants</source>
        <translation>Alle Mandanten</translation>
    </message>
</context>
<context>
    <name>mtr::app::CaseTimelinePane</name>
    <message>
        <source>All sources</source>
        <translation>Alle Quellen</translation>
    </message>
    <message>
        <source>Detections</source>
        <translation>Erkennungen</translation>
    </message>
    <message>
        <source>Processes</source>
        <translation>Prozesse</translation>
    </message>
    <message>
        <source>Firewall</source>
        <translation>Firewall</translation>
    </message>
    <message>
        <source>Live Response</source>
        <translation>Live Response</translation>
    </message>
    <message>
        <source>SIEM events</source>
        <translation>SIEM-Ereignisse</translation>
    </message>
</context>
<context>
    <name>mtr::app::DraftEditorPane</name>
    <message>
        <source>Case summary</source>
        <translation>Fallzusammenfassung</translation>
    </message>
    <message>
        <source>Customer notification</source>
        <translation>Kundenbenachrichtigung</translation>
    </message>
    <message>
        <source>Executive summary</source>
        <translation>Management-Zusammenfassung</translation>
    </message>
</context>
<context>
    <name>mtr::app::MainWindow</name>
    <message>
        <source>Tenant: none</source>
        <translation>Mandant: keiner</translation>
    </message>
    <message>
        <source>Tenant: %1</source>
        <translation>Mandant: %1</translation>
    </message>
    <message>
        <source>Sophos Central: not configured</source>
        <translation>Sophos Central: nicht eingerichtet</translation>
    </message>
    <message>
        <source>Sophos Central: connecting…</source>
        <translation>Sophos Central: verbinde…</translation>
    </message>
    <message>
        <source>Sophos Central: connected</source>
        <translation>Sophos Central: verbunden</translation>
    </message>
    <message>
        <source>Sophos Central: connection failed</source>
        <translation>Sophos Central: Verbindung fehlgeschlagen</translation>
    </message>
    <message>
        <source>Sophos Central: offline</source>
        <translation>Sophos Central: offline</translation>
    </message>
    <message>
        <source>%1 (%2)</source>
        <translation>%1 (%2)</translation>
    </message>
    <message>
        <source>Settings saved; a secret is kept for this session only (no keychain available).</source>
        <translation>Einstellungen gespeichert; ein Geheimnis wird nur für diese Sitzung gehalten (kein Schlüsselbund verfügbar).</translation>
    </message>
    <message>
        <source>Settings saved.</source>
        <translation>Einstellungen gespeichert.</translation>
    </message>
    <message>
        <source>About MTR Review Console</source>
        <translation>Über die MTR-Prüfkonsole</translation>
    </message>
    <message>
        <source>MTR Review Console %1
The AI prepares every case; the analyst decides.</source>
        <translation>MTR-Prüfkonsole %1
Die KI bereitet jeden Fall vor; der Analyst entscheidet.</translation>
    </message>
</context>
<context>
    <name>mtr::app::SettingsDialog</name>
    <message>
        <source>Built-in offline drafter (no model)</source>
        <translation>Eingebauter Offline-Entwurfsschreiber (kein Modell)</translation>
    </message>
    <message>
        <source>Choose a CA certificate</source>
        <translation>CA-Zertifikat wählen</translation>
    </message>
    <message>
        <source>PEM certificates (*.pem *.crt);;All files (*)</source>
        <translation>PEM-Zertifikate (*.pem *.crt);;Alle Dateien (*)</translation>
    </message>
    <message>
        <source>The keychain refused to store a secret: %1</source>
        <translation>Der Schlüsselbund hat das Speichern eines Geheimnisses abgelehnt: %1</translation>
    </message>
    <message>
        <source>No system keychain is available. The secret is kept for this session only and will be asked for again after a restart. It was not written to disk.</source>
        <translation>Kein Schlüsselbund des Systems verfügbar. Das Geheimnis wird nur für diese Sitzung gehalten und nach einem Neustart erneut abgefragt. Es wurde nicht auf die Festplatte geschrieben.</translation>
    </message>
</context>
</TS>
