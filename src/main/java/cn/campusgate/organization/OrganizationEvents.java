package cn.campusgate.organization;

import java.util.Map;

import cn.campusgate.core.AuditedEvent;

/** Past-tense events of the organization module; every one is audited. */
public final class OrganizationEvents {

    private OrganizationEvents() {
    }

    public record OrganizationCreated(String actor, long organizationId, OrganizationKind kind, String name)
            implements AuditedEvent {
        public String action() { return "organization.created"; }
        public String subject() { return "organization:" + organizationId; }
        public Map<String, Object> details() { return Map.of("kind", kind, "name", name); }
    }

    public record OrganizationUpdated(String actor, long organizationId, String name) implements AuditedEvent {
        public String action() { return "organization.updated"; }
        public String subject() { return "organization:" + organizationId; }
        public Map<String, Object> details() { return Map.of("name", name); }
    }

    public record OrganizationDeactivated(String actor, long organizationId, String name) implements AuditedEvent {
        public String action() { return "organization.deactivated"; }
        public String subject() { return "organization:" + organizationId; }
        public Map<String, Object> details() { return Map.of("name", name); }
    }

    public record OrganizationReactivated(String actor, long organizationId, String name) implements AuditedEvent {
        public String action() { return "organization.reactivated"; }
        public String subject() { return "organization:" + organizationId; }
        public Map<String, Object> details() { return Map.of("name", name); }
    }

    public record SchoolsImported(String actor, int count, String fileName) implements AuditedEvent {
        public String action() { return "organization.schools.imported"; }
        public String subject() { return "organization:import"; }
        public Map<String, Object> details() { return Map.of("count", count, "file", fileName); }
    }

    /** Any change to an account; {@code change} says which (created, updated, deactivated, …). */
    public record AccountChanged(String actor, long accountId, String username, String change,
                                 Map<String, Object> facts) implements AuditedEvent {
        public AccountChanged {
            facts = Map.copyOf(facts);
        }
        public String action() { return "account." + change; }
        public String subject() { return "account:" + username; }
        public Map<String, Object> details() { return facts; }
    }

    /** Sign-in outcomes, for the audit trail and the lock-out counter. */
    public record SignInAttempted(String actor, boolean succeeded, String remoteAddress) implements AuditedEvent {
        public String action() { return succeeded ? "account.signed-in" : "account.sign-in-failed"; }
        public String subject() { return "account:" + actor; }
        public Map<String, Object> details() { return Map.of("remoteAddress", remoteAddress); }
    }
}
