// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: MTR Review Console contributors
#include "ai/Draft.h"

#include <QJsonArray>
#include <QJsonDocument>

using namespace Qt::StringLiterals;

namespace mtr::ai {

QString Draft::plainText() const
{
    QStringList parts;
    for (const auto& s : sentences) {
        parts.append(s.text.trimmed());
    }
    return parts.join(u' ');
}

QString draftKindName(DraftKind kind)
{
    switch (kind) {
    case DraftKind::CaseSummary:
        return u"case-summary"_s;
    case DraftKind::TimelineNarrative:
        return u"timeline-narrative"_s;
    case DraftKind::CustomerNotification:
        return u"customer-notification"_s;
    case DraftKind::ExecutiveSummary:
        return u"executive-summary"_s;
    }
    return u"unknown"_s;
}

QJsonObject draftJsonSchema()
{
    const QJsonObject sentence{
        {u"type"_s, u"object"_s},
        {u"additionalProperties"_s, false},
        {u"required"_s, QJsonArray{u"text"_s, u"evidenceIds"_s}},
        {u"properties"_s,
         QJsonObject{{u"text"_s, QJsonObject{{u"type"_s, u"string"_s}}},
                     {u"evidenceIds"_s,
                      QJsonObject{{u"type"_s, u"array"_s},
                                  {u"items"_s, QJsonObject{{u"type"_s, u"string"_s}}}}}}}};
    return QJsonObject{
        {u"type"_s, u"object"_s},
        {u"additionalProperties"_s, false},
        {u"required"_s, QJsonArray{u"sentences"_s}},
        {u"properties"_s,
         QJsonObject{
             {u"sentences"_s, QJsonObject{{u"type"_s, u"array"_s}, {u"items"_s, sentence}}}}}};
}

namespace {

Error invalid(const QString& why)
{
    return Error::make(Error::Code::InvalidInput, u"model answer: "_s + why);
}

QString stripFence(const QString& answer)
{
    QString t = answer.trimmed();
    if (t.startsWith(u"```"_s)) {
        const qsizetype firstNewline = t.indexOf(u'\n');
        const qsizetype lastFence = t.lastIndexOf(u"```"_s);
        if (firstNewline > 0 && lastFence > firstNewline) {
            t = t.mid(firstNewline + 1, lastFence - firstNewline - 1).trimmed();
        }
    }
    return t;
}

} // namespace

Result<Draft> draftFromModelAnswer(const QString& answer, DraftKind kind)
{
    QJsonParseError parseError{};
    const QJsonDocument doc = QJsonDocument::fromJson(stripFence(answer).toUtf8(), &parseError);
    if (parseError.error != QJsonParseError::NoError || !doc.isObject()) {
        return invalid(u"not a JSON object"_s);
    }
    const QJsonValue list = doc.object().value(u"sentences"_s);
    if (!list.isArray()) {
        return invalid(u"no sentences array"_s);
    }
    Draft draft;
    draft.kind = kind;
    for (const auto& item : list.toArray()) {
        const QJsonObject o = item.toObject();
        if (!o.value(u"text"_s).isString() || !o.value(u"evidenceIds"_s).isArray()) {
            return invalid(u"sentence without text or evidenceIds"_s);
        }
        DraftSentence sentence;
        sentence.text = o.value(u"text"_s).toString();
        for (const auto& id : o.value(u"evidenceIds"_s).toArray()) {
            if (!id.isString()) {
                return invalid(u"evidence id is not a string"_s);
            }
            sentence.evidenceIds.append(id.toString());
        }
        draft.sentences.append(sentence);
    }
    return draft;
}

QJsonObject draftToJson(const Draft& draft)
{
    QJsonArray sentences;
    for (const auto& s : draft.sentences) {
        sentences.append(
            QJsonObject{{u"text"_s, s.text},
                        {u"evidenceIds"_s, QJsonArray::fromStringList(s.evidenceIds)}});
    }
    return QJsonObject{{u"kind"_s, draftKindName(draft.kind)}, {u"sentences"_s, sentences}};
}

} // namespace mtr::ai
