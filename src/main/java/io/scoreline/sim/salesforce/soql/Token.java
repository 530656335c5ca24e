package io.scoreline.sim.salesforce.soql;

import java.util.Locale;

/** One lexical token of a SOQL statement with its offset in the statement. */
record Token(Kind kind, String text, int position) {

    enum Kind {
        WORD,
        STRING,
        NUMBER,
        DATE,
        DATETIME,
        SYMBOL,
        END
    }

    boolean isWord(String keyword) {
        return kind == Kind.WORD && text.equalsIgnoreCase(keyword);
    }

    boolean isSymbol(String symbol) {
        return kind == Kind.SYMBOL && text.equals(symbol);
    }

    String upper() {
        return text.toUpperCase(Locale.ROOT);
    }
}
