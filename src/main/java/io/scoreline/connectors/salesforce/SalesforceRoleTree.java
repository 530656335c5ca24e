package io.scoreline.connectors.salesforce;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;

/**
 * Salesforce's role hierarchy ({@code UserRole}: {@code Id}, {@code Name}, {@code ParentRoleId}),
 * read once per {@code users sync --teams-from-crm}: a user's role becomes a path of role names
 * from the top, which Scoreline turns into its team tree.
 */
final class SalesforceRoleTree {

    private record Role(String name, String parentId) {}

    private final Map<String, Role> roles = new HashMap<>();

    void add(String id, String name, String parentId) {
        if (id != null && !id.isBlank() && !name.isBlank()) {
            roles.put(key(id), new Role(name.strip(), parentId == null || parentId.isBlank() ? null : parentId));
        }
    }

    /** Role names from the top of the hierarchy down to {@code roleId}; empty for no role or an unknown one. */
    List<String> path(String roleId) {
        var path = new ArrayList<String>();
        var seen = new HashSet<String>();
        // A cycle cannot happen in Salesforce; a broken answer must not loop here either.
        for (String at = roleId; at != null && roles.containsKey(key(at)) && seen.add(key(at)); ) {
            var role = roles.get(key(at));
            path.addFirst(role.name());
            at = role.parentId();
        }
        return List.copyOf(path);
    }

    /** Salesforce ids come in a 15- and an 18-character form; the first 15 identify the record. */
    private static String key(String id) {
        return id.length() > 15 ? id.substring(0, 15) : id;
    }
}
