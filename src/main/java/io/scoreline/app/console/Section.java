package io.scoreline.app.console;

/** The navigation's entries; a page names the one it belongs to so the layout marks it current. */
public enum Section {
    NONE("", ""),
    BOARDS("Boards", "/console/boards"),
    INTEGRATIONS("Integrations", "/console/integrations"),
    MAPPINGS("Mappings", "/console/mappings"),
    PEOPLE("People", "/console/people");

    private final String label;
    private final String path;

    Section(String label, String path) {
        this.label = label;
        this.path = path;
    }

    public String label() {
        return label;
    }

    public String path() {
        return path;
    }

    /** The entries the layout shows, in order. */
    public static java.util.List<Section> navigation() {
        return java.util.List.of(BOARDS, INTEGRATIONS, MAPPINGS, PEOPLE);
    }
}
