package dev.netlens.firewall;

import java.util.ArrayList;
import java.util.List;

/**
 * Splits a rule line into words the way a POSIX shell would for iptables-restore, without ever
 * running one: double quotes (with backslash escapes, as iptables-save writes them), single
 * quotes (literal), and backslash outside quotes.
 */
final class Tokenizer {
    /** A word and whether any part of it was quoted (a quoted word is never an option). */
    record Token(String text, boolean quoted) {
    }

    /** Thrown for an unterminated quote or a trailing backslash. */
    static final class TokenizeException extends Exception {
        TokenizeException(String message) {
            super(message);
        }
    }

    private Tokenizer() {
    }

    static List<Token> split(String line) throws TokenizeException {
        List<Token> out = new ArrayList<>();
        StringBuilder word = new StringBuilder();
        boolean inWord = false;
        boolean quoted = false;
        int i = 0;
        int n = line.length();
        while (i < n) {
            char c = line.charAt(i);
            if (Character.isWhitespace(c)) {
                if (inWord) {
                    out.add(new Token(word.toString(), quoted));
                    word.setLength(0);
                    inWord = false;
                    quoted = false;
                }
                i++;
            } else if (c == '"') {
                inWord = true;
                quoted = true;
                i = readDouble(line, i + 1, word);
            } else if (c == '\'') {
                int end = line.indexOf('\'', i + 1);
                if (end < 0) {
                    throw new TokenizeException("unterminated ' quote at column " + (i + 1));
                }
                word.append(line, i + 1, end);
                inWord = true;
                quoted = true;
                i = end + 1;
            } else if (c == '\\') {
                if (i + 1 >= n) {
                    throw new TokenizeException("trailing backslash");
                }
                word.append(line.charAt(i + 1));
                inWord = true;
                i += 2;
            } else {
                word.append(c);
                inWord = true;
                i++;
            }
        }
        if (inWord) {
            out.add(new Token(word.toString(), quoted));
        }
        return out;
    }

    /** Reads a double-quoted run starting after the quote; returns the index after the closing quote. */
    private static int readDouble(String line, int i, StringBuilder word) throws TokenizeException {
        int start = i - 1;
        while (i < line.length()) {
            char c = line.charAt(i);
            if (c == '"') {
                return i + 1;
            }
            if (c == '\\' && i + 1 < line.length()) {
                char next = line.charAt(i + 1);
                // Inside double quotes a shell only treats these as escapes; keep others literally.
                if (next == '"' || next == '\\' || next == '$' || next == '`') {
                    word.append(next);
                    i += 2;
                    continue;
                }
            }
            word.append(c);
            i++;
        }
        throw new TokenizeException("unterminated \" quote at column " + (start + 1));
    }

    /** Quotes a word for printing when it would otherwise split or be misread. */
    static String quoteIfNeeded(String word) {
        if (!word.isEmpty() && word.chars().noneMatch(ch -> Character.isWhitespace(ch) || "\"'\\$`".indexOf(ch) >= 0)) {
            return word;
        }
        return '"' + word.replace("\\", "\\\\").replace("\"", "\\\"") + '"';
    }
}
