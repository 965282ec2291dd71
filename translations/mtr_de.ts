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
    <message>
        <source>&amp;From</source>
        <translation>&amp;Von</translation>
    </message>
    <message>
        <source>to</source>
        <translation>bis</translation>
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
    <message>
        <source>Evidence for this &amp;sentence:</source>
        <translation>Belege für diesen &amp;Satz:</translation>
    </message>
    <message>
        <source>Evidence of the current sentence</source>
        <translation>Belege des aktuellen Satzes</translation>
    </message>
    <message>
        <source>Recorded on Central &amp;case:</source>
        <translation>In Central-&amp;Fall erfassen:</translation>
    </message>
    <message>
        <source>Central case the notification is recorded on</source>
        <translation>Central-Fall, in dem die Benachrichtigung erfasst wird</translation>
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
    <message>
        <source>&amp;Source:</source>
        <translation>&amp;Quelle:</translation>
    </message>
    <message>
        <source>Occurrences of the selected indicator</source>
        <translation>Fundstellen des gewählten Indikators</translation>
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
    <name>QObject</name>
    <message>
        <source>Security notification</source>
        <translation>Sicherheitsbenachrichtigung</translation>
    </message>
    <message>
        <source>Customer notification</source>
        <translation>Kundenbenachrichtigung</translation>
    </message>
    <message>
        <source>%1 of %2 approvals; waiting for another analyst.</source>
        <translation>%1 von %2 Freigaben; wartet auf einen weiteren Analysten.</translation>
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
    <name>mtr::app::AlertQueueModel</name>
    <message>
        <source>Critical</source>
        <translation>Kritisch</translation>
    </message>
    <message>
        <source>High</source>
        <translation>Hoch</translation>
    </message>
    <message>
        <source>Medium</source>
        <translation>Mittel</translation>
    </message>
    <message>
        <source>Low</source>
        <translation>Niedrig</translation>
    </message>
    <message>
        <source>Info</source>
        <translation>Info</translation>
    </message>
    <message>
        <source>Unknown</source>
        <translation>Unbekannt</translation>
    </message>
    <message>
        <source>in the future</source>
        <translation>in der Zukunft</translation>
    </message>
    <message numerus="yes">
        <source>%n min</source>
        <translation>
            <numerusform>%n Min.</numerusform>
            <numerusform>%n Min.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n h</source>
        <translation>
            <numerusform>%n Std.</numerusform>
            <numerusform>%n Std.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n d</source>
        <translation>
            <numerusform>%n Tag</numerusform>
            <numerusform>%n Tage</numerusform>
        </translation>
    </message>
    <message>
        <source>Loading…</source>
        <translation>Wird geladen…</translation>
    </message>
    <message>
        <source>Severity</source>
        <translation>Schweregrad</translation>
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
        <source>Age</source>
        <translation>Alter</translation>
    </message>
    <message>
        <source>AI score</source>
        <translation>KI-Bewertung</translation>
    </message>
    <message>
        <source>Type</source>
        <translation>Typ</translation>
    </message>
    <message>
        <source>Description</source>
        <translation>Beschreibung</translation>
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
    <message>
        <source>The queue could not be read from the workspace: %1</source>
        <translation>Die Warteschlange konnte nicht aus dem Arbeitsbereich gelesen werden: %1</translation>
    </message>
    <message numerus="yes">
        <source>%n alert(s) shown</source>
        <translation>
            <numerusform>%n Alarm angezeigt</numerusform>
            <numerusform>%n Alarme angezeigt</numerusform>
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
        <translation>%1

Warum: %2
Erwartete Auswirkung: %3

Genau das wird freigegeben:
%4</translation>
    </message>
    <message>
        <source>Approve the selected proposal (Ctrl+Return)</source>
        <translation>Den gewählten Vorschlag freigeben (Strg+Eingabe)</translation>
    </message>
    <message>
        <source>Reject the selected proposal (Ctrl+Delete)</source>
        <translation>Den gewählten Vorschlag ablehnen (Strg+Entf)</translation>
    </message>
    <message>
        <source>

Outbox: %1 (attempts: %2)</source>
        <translation>

Postausgang: %1 (Versuche: %2)</translation>
    </message>
    <message>
        <source>

Approved by: %1</source>
        <translation>

Freigegeben von: %1</translation>
    </message>
</context>
<context>
    <name>mtr::app::CaseTimelineModel</name>
    <message>
        <source>(unknown host)</source>
        <translation>(unbekannter Host)</translation>
    </message>
    <message>
        <source>%1 (pid %2)</source>
        <translation>%1 (PID %2)</translation>
    </message>
    <message>
        <source>%1 → %2:%3</source>
        <translation>%1 → %2:%3</translation>
    </message>
    <message>
        <source>As written in the source: %1</source>
        <translation>Wie in der Quelle geschrieben: %1</translation>
    </message>
    <message numerus="yes">
        <source>Correlated with %n other event(s)</source>
        <translation>
            <numerusform>Mit %n anderen Ereignis verknüpft</numerusform>
            <numerusform>Mit %n anderen Ereignissen verknüpft</numerusform>
        </translation>
    </message>
    <message>
        <source>Time (UTC)</source>
        <translation>Zeit (UTC)</translation>
    </message>
    <message>
        <source>Source</source>
        <translation>Quelle</translation>
    </message>
    <message>
        <source>Event</source>
        <translation>Ereignis</translation>
    </message>
    <message>
        <source>Process</source>
        <translation>Prozess</translation>
    </message>
    <message>
        <source>Network</source>
        <translation>Netzwerk</translation>
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
    <message numerus="yes">
        <source>%1 of %n event(s) shown</source>
        <translation>
            <numerusform>%1 von %n Ereignis angezeigt</numerusform>
            <numerusform>%1 von %n Ereignissen angezeigt</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>mtr::app::ConsoleController</name>
    <message>
        <source>The workspace could not be opened: %1</source>
        <translation>Der Arbeitsbereich konnte nicht geöffnet werden: %1</translation>
    </message>
    <message>
        <source>no client secret in the keychain</source>
        <translation>kein Client-Geheimnis im Schlüsselbund</translation>
    </message>
    <message>
        <source>Syncing %1: %2 so far</source>
        <translation>Synchronisiere %1: bisher %2</translation>
    </message>
    <message>
        <source>Sync of %1 failed: %2</source>
        <translation>Synchronisierung von %1 fehlgeschlagen: %2</translation>
    </message>
    <message>
        <source>Outbox item %1: %2 %3</source>
        <translation>Ausgangseintrag %1: %2 %3</translation>
    </message>
    <message numerus="yes">
        <source>%n new alert(s)</source>
        <translation>
            <numerusform>%n neuer Alarm</numerusform>
            <numerusform>%n neue Alarme</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n tenant(s)</source>
        <translation>
            <numerusform>%n Mandant</numerusform>
            <numerusform>%n Mandanten</numerusform>
        </translation>
    </message>
    <message>
        <source>The case could not be assembled: %1</source>
        <translation>Der Fall konnte nicht zusammengestellt werden: %1</translation>
    </message>
    <message>
        <source>The case could not be read: %1</source>
        <translation>Der Fall konnte nicht gelesen werden: %1</translation>
    </message>
    <message>
        <source>Assistant: %1 (%2 of %3)</source>
        <translation>Assistent: %1 (%2 von %3)</translation>
    </message>
    <message>
        <source>The assistant could not finish: %1</source>
        <translation>Der Assistent konnte nicht fertig werden: %1</translation>
    </message>
    <message>
        <source>Drafts ready.</source>
        <translation>Entwürfe bereit.</translation>
    </message>
    <message>
        <source>Approved and recorded in the audit log.</source>
        <translation>Freigegeben und im Prüfprotokoll vermerkt.</translation>
    </message>
    <message>
        <source>Approval not recorded: %1</source>
        <translation>Freigabe nicht vermerkt: %1</translation>
    </message>
    <message>
        <source>Approved; the message is in the outbox.</source>
        <translation>Freigegeben; die Nachricht liegt im Postausgang.</translation>
    </message>
    <message>
        <source>Not approved: %1</source>
        <translation>Nicht freigegeben: %1</translation>
    </message>
    <message>
        <source>Approved; in the outbox.</source>
        <translation>Freigegeben; im Postausgang.</translation>
    </message>
    <message>
        <source>Rejected.</source>
        <translation>Abgelehnt.</translation>
    </message>
    <message>
        <source>Not rejected: %1</source>
        <translation>Nicht abgelehnt: %1</translation>
    </message>
    <message>
        <source>Import evidence into the case</source>
        <translation>Beweismittel in den Fall importieren</translation>
    </message>
    <message>
        <source>Open an alert first: evidence is imported into its case.</source>
        <translation>Öffnen Sie zuerst einen Alarm: Beweismittel werden in seinen Fall importiert.</translation>
    </message>
    <message>
        <source>Importing %1…</source>
        <translation>Importiere %1…</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Abbrechen</translation>
    </message>
    <message>
        <source>Imported %1.</source>
        <translation>%1 importiert.</translation>
    </message>
    <message>
        <source>Import cancelled; nothing was stored.</source>
        <translation>Import abgebrochen; nichts wurde gespeichert.</translation>
    </message>
    <message>
        <source>Import of %1 failed: %2</source>
        <translation>Import von %1 fehlgeschlagen: %2</translation>
    </message>
    <message>
        <source>No language model is configured: the offline drafter writes from the case data and cannot follow a note. Set a model in Settings (Ctrl+,) to ask for a new draft.</source>
        <translation>Kein Sprachmodell eingerichtet: Der Offline-Entwurf entsteht aus den Falldaten und kann keiner Notiz folgen. Richten Sie in den Einstellungen (Strg+,) ein Modell ein, um einen neuen Entwurf anzufordern.</translation>
    </message>
    <message>
        <source>No Sophos Central case of this tenant is synced to record the notification on; sync (F5) and try again.</source>
        <translation>Für diesen Mandanten ist kein Sophos-Central-Fall synchronisiert, in dem die Benachrichtigung erfasst werden könnte; synchronisieren Sie (F5) und versuchen Sie es erneut.</translation>
    </message>
    <message>
        <source>The cited evidence %1 is not among the case&apos;s evidence items.</source>
        <translation>Der zitierte Beleg %1 gehört nicht zu den Belegen des Falls.</translation>
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
    <message>
        <source>Saved at %1</source>
        <translation>Gespeichert um %1</translation>
    </message>
    <message>
        <source>Ask for a new draft</source>
        <translation>Neuen Entwurf anfordern</translation>
    </message>
    <message>
        <source>What should the new draft do differently?</source>
        <translation>Was soll der neue Entwurf anders machen?</translation>
    </message>
    <message>
        <source>Approve this text (Ctrl+Shift+A)</source>
        <translation>Diesen Text freigeben (Strg+Umschalt+A)</translation>
    </message>
    <message>
        <source>Reject the draft (Ctrl+Shift+R)</source>
        <translation>Den Entwurf ablehnen (Strg+Umschalt+R)</translation>
    </message>
    <message>
        <source>Ask for a new draft with a note (Ctrl+Shift+N)</source>
        <translation>Mit einer Notiz einen neuen Entwurf anfordern (Strg+Umschalt+N)</translation>
    </message>
    <message>
        <source>No evidence linked to this sentence.</source>
        <translation>Mit diesem Satz sind keine Belege verknüpft.</translation>
    </message>
    <message>
        <source>Evidence</source>
        <translation>Beleg</translation>
    </message>
    <message>
        <source>Timeline event</source>
        <translation>Zeitleisten-Ereignis</translation>
    </message>
    <message>
        <source>SIEM event</source>
        <translation>SIEM-Ereignis</translation>
    </message>
    <message>
        <source>Endpoint</source>
        <translation>Endpunkt</translation>
    </message>
    <message>
        <source>Alert</source>
        <translation>Alarm</translation>
    </message>
    <message>
        <source>%1: %2</source>
        <extracomment>An evidence entry under an AI sentence: its kind, then its identifier.</extracomment>
        <translation>%1: %2</translation>
    </message>
    <message>
        <source>Double-click or press Enter to show this evidence (Ctrl+Shift+E shows the first)</source>
        <translation>Doppelklicken oder Enter drücken, um diesen Beleg zu zeigen (Strg+Umschalt+E zeigt den ersten)</translation>
    </message>
    <message>
        <source>(none synced for this tenant)</source>
        <translation>(für diesen Mandanten keiner synchronisiert)</translation>
    </message>
    <message>
        <source>The notification is recorded on this case in Sophos Central and e-mailed to the tenant&apos;s contacts. Cases that name this alert&apos;s device come first.</source>
        <translation>Die Benachrichtigung wird in diesem Fall in Sophos Central erfasst und per E-Mail an die Kontakte des Mandanten gesendet. Fälle, die das Gerät dieses Alarms nennen, stehen oben.</translation>
    </message>
</context>
<context>
    <name>mtr::app::EvidenceViewerPane</name>
    <message>
        <source>%1 — %2</source>
        <translation>%1 — %2</translation>
    </message>
    <message numerus="yes">
        <source>Warning: this evidence contains %n passage(s) that read like instructions to an AI assistant. They are treated as data and never followed; check them yourself.</source>
        <translation>
            <numerusform>Warnung: Dieses Beweismittel enthält %n Stelle, die wie eine Anweisung an einen KI-Assistenten klingt. Sie wird als Daten behandelt und nie befolgt; prüfen Sie sie selbst.</numerusform>
            <numerusform>Warnung: Dieses Beweismittel enthält %n Stellen, die wie Anweisungen an einen KI-Assistenten klingen. Sie werden als Daten behandelt und nie befolgt; prüfen Sie sie selbst.</numerusform>
        </translation>
    </message>
    <message>
        <source>%1, line %2: %3</source>
        <translation>%1, Zeile %2: %3</translation>
    </message>
</context>
<context>
    <name>mtr::app::IndicatorModel</name>
    <message>
        <source>IPv4</source>
        <translation>IPv4</translation>
    </message>
    <message>
        <source>IPv6</source>
        <translation>IPv6</translation>
    </message>
    <message>
        <source>Domain</source>
        <translation>Domäne</translation>
    </message>
    <message>
        <source>URL</source>
        <translation>URL</translation>
    </message>
    <message>
        <source>E-mail</source>
        <translation>E-Mail</translation>
    </message>
    <message>
        <source>MD5</source>
        <translation>MD5</translation>
    </message>
    <message>
        <source>SHA-1</source>
        <translation>SHA-1</translation>
    </message>
    <message>
        <source>SHA-256</source>
        <translation>SHA-256</translation>
    </message>
    <message>
        <source>Windows path</source>
        <translation>Windows-Pfad</translation>
    </message>
    <message>
        <source>Unix path</source>
        <translation>Unix-Pfad</translation>
    </message>
    <message>
        <source>Registry key</source>
        <translation>Registrierungsschlüssel</translation>
    </message>
    <message>
        <source>CVE</source>
        <translation>CVE</translation>
    </message>
    <message>
        <source>Type</source>
        <translation>Typ</translation>
    </message>
    <message>
        <source>Indicator</source>
        <translation>Indikator</translation>
    </message>
    <message>
        <source>Seen</source>
        <translation>Gesehen</translation>
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
    <name>mtr::app::ProposalModel</name>
    <message>
        <source>Isolate endpoint</source>
        <translation>Endpunkt isolieren</translation>
    </message>
    <message>
        <source>Alert action</source>
        <translation>Alarmaktion</translation>
    </message>
    <message>
        <source>Live Discover query</source>
        <translation>Live-Discover-Abfrage</translation>
    </message>
    <message>
        <source>Live Response command</source>
        <translation>Live-Response-Befehl</translation>
    </message>
    <message>
        <source>Customer message</source>
        <translation>Kundennachricht</translation>
    </message>
    <message>
        <source>Block file hash</source>
        <translation>Datei-Hash sperren</translation>
    </message>
    <message>
        <source>High: %1</source>
        <translation>Hoch: %1</translation>
    </message>
    <message>
        <source>Waiting for approval</source>
        <translation>Wartet auf Freigabe</translation>
    </message>
    <message>
        <source>Needs a second analyst</source>
        <translation>Braucht einen zweiten Analysten</translation>
    </message>
    <message>
        <source>Approved</source>
        <translation>Freigegeben</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>Art</translation>
    </message>
    <message>
        <source>Proposal</source>
        <translation>Vorschlag</translation>
    </message>
    <message>
        <source>Expected impact</source>
        <translation>Erwartete Auswirkung</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Status</translation>
    </message>
    <message>
        <source>Approved; waiting to be sent</source>
        <translation>Freigegeben; wartet auf den Versand</translation>
    </message>
    <message>
        <source>Will retry: %1</source>
        <translation>Neuer Versuch folgt: %1</translation>
    </message>
    <message>
        <source>Sending…</source>
        <translation>Wird gesendet…</translation>
    </message>
    <message>
        <source>Sent</source>
        <translation>Gesendet</translation>
    </message>
    <message>
        <source>Failed: %1</source>
        <translation>Fehlgeschlagen: %1</translation>
    </message>
    <message>
        <source>Outcome unknown, check Central: %1</source>
        <translation>Ergebnis unbekannt, in Central prüfen: %1</translation>
    </message>
    <message>
        <source>Automation (%1)</source>
        <translation>Automatisierung (%1)</translation>
    </message>
    <message>
        <source>Approved by</source>
        <translation>Freigegeben von</translation>
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
