package cn.campusgate.organization;

import java.io.Serial;
import java.io.Serializable;
import java.util.Collection;

import cn.campusgate.core.Actor;
import cn.campusgate.core.ActorPrincipal;
import org.jspecify.annotations.Nullable;
import org.springframework.security.core.CredentialsContainer;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.userdetails.UserDetails;

/** The signed-in account as Spring Security sees it; kept in the (database-backed) session. */
final class AccountPrincipal implements UserDetails, CredentialsContainer, ActorPrincipal, Serializable {

    @Serial
    private static final long serialVersionUID = 1L;

    private final Actor actor;
    private @Nullable String passwordHash;
    private final boolean enabled;
    private final boolean locked;
    private final boolean mustChangePassword;

    AccountPrincipal(Actor actor, String passwordHash, boolean enabled, boolean locked, boolean mustChangePassword) {
        this.actor = actor;
        this.passwordHash = passwordHash;
        this.enabled = enabled;
        this.locked = locked;
        this.mustChangePassword = mustChangePassword;
    }

    @Override
    public Actor actor() {
        return actor;
    }

    boolean mustChangePassword() {
        return mustChangePassword;
    }

    @Override
    public Collection<? extends GrantedAuthority> getAuthorities() {
        return actor.roles().stream().map(role -> new SimpleGrantedAuthority(role.authority())).toList();
    }

    @Override
    public @Nullable String getPassword() {
        return passwordHash;
    }

    @Override
    public String getUsername() {
        return actor.username();
    }

    @Override
    public boolean isAccountNonLocked() {
        return !locked;
    }

    @Override
    public boolean isEnabled() {
        return enabled;
    }

    @Override
    public void eraseCredentials() {
        passwordHash = null;
    }

}
