package cn.campusgate.organization;

import java.util.Set;

import cn.campusgate.core.Role;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.jspecify.annotations.Nullable;

/** What an administrator enters to create or change an account (form and API body alike). */
public record AccountCommand(
        @NotBlank @Pattern(regexp = "^[a-z0-9][a-z0-9._-]{2,39}$", message = "{account.username.invalid}") String username,
        @NotBlank @Size(max = 60) String displayName,
        @Nullable @Email @Size(max = 120) String email,
        @Nullable @Size(max = 30) @Pattern(regexp = "^$|^[0-9+() -]{5,30}$", message = "{organization.phone.invalid}") String phone,
        @NotNull @Nullable Long organizationId,
        @NotEmpty Set<Role> roles,
        @Nullable MemberKind memberKind) {

    public AccountCommand {
        // A blank choice in a form binds as a null element: it chooses nothing.
        roles = roles == null ? Set.of()
                : roles.stream().filter(java.util.Objects::nonNull).collect(java.util.stream.Collectors.toUnmodifiableSet());
    }
}
