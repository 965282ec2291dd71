// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: MTR Review Console contributors
#include "evidence/JsonRecordFramer.h"

#include <QCoreApplication>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonParseError>

namespace mtr::evidence {

namespace {

/// Walks the bytes once, keeping the line count in step with the position.
class Scanner
{
public:
    explicit Scanner(const QByteArray& data)
        : m_data(data)
    {}

    bool atEnd() const
    {
        return m_pos >= m_data.size();
    }

    char peek() const
    {
        return m_data.at(m_pos);
    }

    qint64 pos() const
    {
        return m_pos;
    }

    qint64 line() const
    {
        return m_line;
    }

    void advance()
    {
        if (m_data.at(m_pos) == '\n') {
            ++m_line;
        }
        ++m_pos;
    }

    /// Skips whitespace, NULs, a byte-order mark and the commas between array elements.
    void skipSeparators(bool inArray)
    {
        while (!atEnd()) {
            const char c = peek();
            const bool bom = static_cast<unsigned char>(c) >= 0xEF && m_pos + 2 < m_data.size()
                             && m_data.mid(m_pos, 3) == QByteArray("\xEF\xBB\xBF");
            if (bom) {
                m_pos += 3;
            } else if (c == ' ' || c == '\t' || c == '\r' || c == '\n' || c == '\0'
                       || (inArray && c == ',')) {
                advance();
            } else {
                return;
            }
        }
    }

    /// From an opening brace to its matching close, aware of strings and escapes. Returns the
    /// end position (one past the close), or -1 when the data ends first.
    qint64 matchObject()
    {
        int depth = 0;
        bool inString = false;
        while (!atEnd()) {
            const char c = peek();
            advance();
            if (inString) {
                if (c == '\\' && !atEnd()) {
                    advance();
                } else if (c == '"') {
                    inString = false;
                }
                continue;
            }
            if (c == '"') {
                inString = true;
            } else if (c == '{' || c == '[') {
                ++depth;
            } else if (c == '}' || c == ']') {
                if (--depth == 0) {
                    return m_pos;
                }
            }
        }
        return -1;
    }

    /// Skips junk up to the next plausible record start (a brace or a line break).
    void skipJunk()
    {
        while (!atEnd() && peek() != '{' && peek() != '\n' && peek() != '[') {
            advance();
        }
    }

private:
    const QByteArray& m_data;
    qint64 m_pos = 0;
    qint64 m_line = 1;
};

ReadDiagnostic diag(qint64 line, qint64 offset, const QString& message)
{
    return ReadDiagnostic{ReadDiagnostic::Level::Error, line, offset, message};
}

/// An `{items:[...]}` envelope (Common API page or SIEM response) is unwrapped; anything else is
/// a record of its own.
void addObject(const QJsonObject& object, qint64 line, qint64 offset, JsonFrameResult& result)
{
    const auto items = object.value(QLatin1String("items"));
    const bool envelope = items.isArray() && !object.contains(QLatin1String("id"));
    if (!envelope) {
        result.records.append(JsonRecord{object, offset, line});
        return;
    }
    const QJsonArray array = items.toArray();
    for (qsizetype i = 0; i < array.size(); ++i) {
        if (array.at(i).isObject()) {
            result.records.append(JsonRecord{array.at(i).toObject(), offset, line});
        } else {
            result.diagnostics.append(diag(
                line,
                offset,
                QCoreApplication::translate("mtr::evidence", "items[%1] is not an object").arg(i)));
        }
    }
}

void frameObject(const QByteArray& data, Scanner& scanner, JsonFrameResult& result)
{
    const qint64 start = scanner.pos();
    const qint64 line = scanner.line();
    const qint64 end = scanner.matchObject();
    if (end < 0) {
        result.diagnostics.append(
            diag(line,
                 start,
                 QCoreApplication::translate(
                     "mtr::evidence",
                     "truncated record: %1 bytes from offset %2 end before the object closes")
                     .arg(data.size() - start)
                     .arg(start)));
        return;
    }

    QJsonParseError error{};
    const QJsonDocument doc = QJsonDocument::fromJson(data.mid(start, end - start), &error);
    if (error.error != QJsonParseError::NoError || !doc.isObject()) {
        result.diagnostics.append(diag(
            line,
            start + error.offset,
            QCoreApplication::translate("mtr::evidence", "invalid JSON record at offset %1: %2")
                .arg(start + error.offset)
                .arg(error.errorString())));
        return;
    }
    addObject(doc.object(), line, start, result);
}

} // namespace

JsonFrameResult JsonRecordFramer::frame(const QByteArray& data)
{
    JsonFrameResult result;
    Scanner scanner(data);
    int arrayDepth = 0;

    while (true) {
        scanner.skipSeparators(arrayDepth > 0);
        if (scanner.atEnd()) {
            break;
        }
        const char c = scanner.peek();
        if (c == '{') {
            frameObject(data, scanner, result);
        } else if (c == '[') {
            ++arrayDepth;
            scanner.advance();
        } else if (c == ']' && arrayDepth > 0) {
            --arrayDepth;
            scanner.advance();
        } else {
            result.diagnostics.append(diag(
                scanner.line(),
                scanner.pos(),
                QCoreApplication::translate("mtr::evidence",
                                            "unexpected text outside a JSON object at offset %1")
                    .arg(scanner.pos())));
            scanner.advance();
            scanner.skipJunk();
        }
    }
    if (arrayDepth > 0) {
        result.diagnostics.append(diag(scanner.line(),
                                       data.size(),
                                       QStringLiteral("JSON array not closed at end of data")));
    }
    return result;
}

} // namespace mtr::evidence
