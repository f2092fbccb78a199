package cn.campusgate.core;

import java.io.Serializable;
import java.util.Set;

/** The person acting now, with the one organisation their roles are scoped to. */
public record Actor(long accountId, String username, String displayName, long organizationId,
                    String organizationName, Set<Role> roles) implements Serializable {

    public Actor {
        roles = Set.copyOf(roles);
    }

    public boolean has(Role role) {
        return roles.contains(role);
    }
}
