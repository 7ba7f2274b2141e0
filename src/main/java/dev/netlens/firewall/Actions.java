package dev.netlens.firewall;

/** What a target does, as the verb phrase of the sentence. */
final class Actions {
    private Actions() {
    }

    static Phrase of(Target t, boolean plural) {
        String pl = plural ? ".pl" : "";
        if (t.isNone()) {
            return Phrase.of("action.none" + pl);
        }
        return switch (t.name()) {
            case "ACCEPT" -> Phrase.of("action.accept" + pl);
            case "DROP" -> Phrase.of("action.drop" + pl);
            case "REJECT" -> t.option("--reject-with") == null ? Phrase.of("action.reject" + pl)
                    : Phrase.of("action.reject.with" + pl, t.option("--reject-with"));
            case "RETURN" -> Phrase.of("action.return" + pl);
            case "DNAT" -> Phrase.of("action.dnat" + pl, orEmpty(t.option("--to-destination")));
            case "SNAT" -> Phrase.of("action.snat" + pl, orEmpty(t.option("--to-source")));
            case "MASQUERADE" -> Phrase.of("action.masquerade" + pl);
            case "REDIRECT" -> Phrase.of("action.redirect" + pl, orEmpty(t.option("--to-ports")));
            case "LOG" -> Phrase.of("action.log" + pl);
            default -> t.isBuiltinTarget()
                    ? Phrase.of("action.other" + pl, t.name())
                    : Phrase.of((t.goTo() ? "action.goto" : "action.jump") + pl, t.name());
        };
    }

    private static String orEmpty(String s) {
        return s == null ? "" : s;
    }
}
