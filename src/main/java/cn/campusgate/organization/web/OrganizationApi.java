package cn.campusgate.organization.web;

import java.net.URI;
import java.time.Instant;
import java.util.List;
import java.util.Set;

import cn.campusgate.core.Actor;
import cn.campusgate.core.Actors;
import cn.campusgate.core.Role;
import cn.campusgate.organization.Account;
import cn.campusgate.organization.AccountCommand;
import cn.campusgate.organization.Accounts;
import cn.campusgate.organization.JurisdictionLevel;
import cn.campusgate.organization.MemberKind;
import cn.campusgate.organization.Organization;
import cn.campusgate.organization.OrganizationCommand;
import cn.campusgate.organization.OrganizationKind;
import cn.campusgate.organization.Organizations;
import cn.campusgate.organization.SchoolStage;
import cn.campusgate.organization.TownKind;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** JSON API for organisations and accounts, for other government systems. */
@RestController
@RequestMapping("/api/v1")
@Tag(name = "organization", description = "组织机构与账号 Organisations and accounts")
class OrganizationApi {

    private final Organizations organizations;
    private final Accounts accounts;

    OrganizationApi(Organizations organizations, Accounts accounts) {
        this.organizations = organizations;
        this.accounts = accounts;
    }

    record Me(String username, String displayName, long organizationId, String organizationName, Set<Role> roles) {
    }

    record OrganizationView(long id, int version, String code, String name, @Nullable String shortName,
                            OrganizationKind kind, @Nullable JurisdictionLevel jurisdictionLevel,
                            @Nullable TownKind townKind, @Nullable Long parentId, @Nullable SchoolStage schoolStage,
                            boolean monitoringSchool, @Nullable String address, @Nullable String contactPhone,
                            boolean active, Instant updatedAt) {
        static OrganizationView of(Organization o) {
            return new OrganizationView(o.id(), o.version(), o.code(), o.name(), o.shortName(), o.kind(),
                    o.jurisdictionLevel(), o.townKind(), o.parentId(), o.schoolStage(), o.monitoringSchool(),
                    o.address(), o.contactPhone(), o.active(), o.updatedAt());
        }
    }

    record AccountView(long id, int version, String username, String displayName, @Nullable String email,
                       long organizationId, Set<Role> roles, @Nullable MemberKind memberKind, boolean active,
                       boolean mustChangePassword, @Nullable Instant lastLoginAt) {
        static AccountView of(Account a) {
            return new AccountView(a.id(), a.version(), a.username(), a.displayName(), a.email(), a.organizationId(),
                    a.roles(), a.memberKind(), a.active(), a.mustChangePassword(), a.lastLoginAt());
        }
    }

    record CreatedAccountView(AccountView account, String temporaryPassword) {
    }

    @GetMapping("/me")
    @Operation(summary = "The signed-in person, their organisation and roles")
    Me me() {
        Actor actor = Actors.required();
        return new Me(actor.username(), actor.displayName(), actor.organizationId(), actor.organizationName(),
                actor.roles());
    }

    @GetMapping("/organizations")
    @PreAuthorize("hasRole('ADMINISTRATOR')")
    @Operation(summary = "Organisations within the administrator's jurisdiction")
    List<OrganizationView> organizations(@RequestParam(required = false) @Nullable OrganizationKind kind,
                                         @RequestParam(defaultValue = "") String q,
                                         @RequestParam(defaultValue = "false") boolean includeInactive) {
        return organizations.search(Actors.required(), kind, q, includeInactive).stream()
                .map(OrganizationView::of).toList();
    }

    @GetMapping("/organizations/{id}")
    @PreAuthorize("hasRole('ADMINISTRATOR')")
    OrganizationView organization(@PathVariable long id) {
        return OrganizationView.of(organizations.getManaged(id));
    }

    @PostMapping("/organizations")
    @ResponseStatus(HttpStatus.CREATED) // for the OpenAPI document: the answer is 201, not the inferred 200
    @PreAuthorize("hasRole('ADMINISTRATOR')")
    @Operation(summary = "Create an organisation (a school needs code, stage and a town as parentId)")
    ResponseEntity<OrganizationView> create(@Valid @RequestBody OrganizationCommand command) {
        Organization created = organizations.create(command);
        return ResponseEntity.created(URI.create("/api/v1/organizations/" + created.id()))
                .body(OrganizationView.of(created));
    }

    @PutMapping("/organizations/{id}")
    @PreAuthorize("hasRole('ADMINISTRATOR')")
    @Operation(summary = "Change an organisation; version must be the one you read (optimistic locking)")
    OrganizationView update(@PathVariable long id, @RequestParam int version,
                            @Valid @RequestBody OrganizationCommand command) {
        return OrganizationView.of(organizations.update(id, version, command));
    }

    @PostMapping("/organizations/{id}/deactivate")
    @PreAuthorize("hasRole('ADMINISTRATOR')")
    OrganizationView deactivate(@PathVariable long id) {
        return OrganizationView.of(organizations.deactivate(id));
    }

    @PostMapping("/organizations/{id}/reactivate")
    @PreAuthorize("hasRole('ADMINISTRATOR')")
    OrganizationView reactivate(@PathVariable long id) {
        return OrganizationView.of(organizations.reactivate(id));
    }

    @GetMapping("/accounts")
    @PreAuthorize("hasRole('ADMINISTRATOR')")
    List<AccountView> accounts(@RequestParam(defaultValue = "") String q,
                               @RequestParam(required = false) @Nullable Long organizationId) {
        return accounts.search(Actors.required(), organizationId, q).stream().map(AccountView::of).toList();
    }

    @PostMapping("/accounts")
    @ResponseStatus(HttpStatus.CREATED) // for the OpenAPI document: the answer is 201, not the inferred 200
    @PreAuthorize("hasRole('ADMINISTRATOR')")
    @Operation(summary = "Create an account; the temporary password is returned once and must be changed at first sign-in")
    ResponseEntity<CreatedAccountView> createAccount(@Valid @RequestBody AccountCommand command) {
        Accounts.CreatedAccount created = accounts.create(command);
        return ResponseEntity.created(URI.create("/api/v1/accounts/" + created.account().id()))
                .body(new CreatedAccountView(AccountView.of(created.account()), created.temporaryPassword()));
    }
}
