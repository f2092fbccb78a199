package cn.campusgate.organization;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import cn.campusgate.core.Actor;
import cn.campusgate.core.Actors;
import cn.campusgate.core.BusinessRuleViolation;
import cn.campusgate.organization.OrganizationEvents.AccountChanged;
import org.jspecify.annotations.Nullable;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Personal access tokens for API clients ({@code Authorization: Bearer cg_…}). The secret is shown once;
 * only its SHA-256 digest is kept, so a leaked table does not leak tokens.
 */
@Service
public class AccessTokens {

    static final String PREFIX = "cg_";
    private static final String ALPHABET = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789";
    private static final SecureRandom RANDOM = new SecureRandom();

    private final JdbcClient jdbc;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    AccessTokens(JdbcClient jdbc, ApplicationEventPublisher events, Clock clock) {
        this.jdbc = jdbc;
        this.events = events;
        this.clock = clock;
    }

    /** A token as its holder sees it in the list (never the secret). */
    public record AccessToken(long id, String name, String prefix, Instant createdAt, Instant expiresAt,
                              @Nullable Instant lastUsedAt, @Nullable Instant revokedAt) {
        public boolean usable(Instant now) {
            return revokedAt == null && expiresAt.isAfter(now);
        }
    }

    /** A new token; {@code secret} is returned this once. */
    public record IssuedToken(AccessToken token, String secret) {
    }

    @Transactional
    public IssuedToken issue(String name, int validDays) {
        Actor actor = Actors.required();
        String trimmed = name.strip();
        if (trimmed.isEmpty() || trimmed.length() > 60) {
            throw new BusinessRuleViolation("token.name.invalid");
        }
        if (validDays < 1 || validDays > 365) {
            throw new BusinessRuleViolation("token.validity.invalid");
        }
        StringBuilder secret = new StringBuilder(PREFIX);
        for (int i = 0; i < 40; i++) {
            secret.append(ALPHABET.charAt(RANDOM.nextInt(ALPHABET.length())));
        }
        Instant now = clock.instant();
        Instant expires = now.plus(Duration.ofDays(validDays));
        String prefix = secret.substring(0, 8);
        long id = jdbc.sql("""
                INSERT INTO access_token (account_id, name, token_prefix, token_hash, created_at, expires_at)
                VALUES (:account, :name, :prefix, :hash, :now, :expires) RETURNING id""")
                .param("account", actor.accountId()).param("name", trimmed).param("prefix", prefix)
                .param("hash", digest(secret.toString())).param("now", Timestamp.from(now))
                .param("expires", Timestamp.from(expires))
                .query(Long.class).single();
        events.publishEvent(new AccountChanged(actor.username(), actor.accountId(), actor.username(), "token-issued",
                Map.of("token", prefix, "name", trimmed)));
        return new IssuedToken(new AccessToken(id, trimmed, prefix, now, expires, null, null), secret.toString());
    }

    @Transactional(readOnly = true)
    public List<AccessToken> mine() {
        return jdbc.sql("SELECT * FROM access_token WHERE account_id = :account ORDER BY id DESC")
                .param("account", Actors.required().accountId())
                .query((rs, n) -> new AccessToken(rs.getLong("id"), rs.getString("name"), rs.getString("token_prefix"),
                        rs.getTimestamp("created_at").toInstant(), rs.getTimestamp("expires_at").toInstant(),
                        instant(rs.getTimestamp("last_used_at")), instant(rs.getTimestamp("revoked_at"))))
                .list();
    }

    @Transactional
    public void revoke(long tokenId) {
        Actor actor = Actors.required();
        int changed = jdbc.sql("""
                UPDATE access_token SET revoked_at = :now
                WHERE id = :id AND account_id = :account AND revoked_at IS NULL""")
                .param("now", Timestamp.from(clock.instant())).param("id", tokenId)
                .param("account", actor.accountId()).update();
        if (changed == 0) {
            throw new BusinessRuleViolation("token.notRevocable");
        }
        events.publishEvent(new AccountChanged(actor.username(), actor.accountId(), actor.username(), "token-revoked",
                Map.of("tokenId", tokenId)));
    }

    /** Revokes every token of an account, e.g. when its password is reset or changed; how many were still valid. */
    int revokeAll(long accountId) {
        return jdbc.sql("UPDATE access_token SET revoked_at = :now WHERE account_id = :account AND revoked_at IS NULL")
                .param("now", Timestamp.from(clock.instant())).param("account", accountId).update();
    }

    /** The account a presented secret belongs to, if the token is known, unexpired and not revoked. */
    @Transactional
    Optional<Long> authenticate(String secret) {
        if (!secret.startsWith(PREFIX)) {
            return Optional.empty();
        }
        Timestamp now = Timestamp.from(clock.instant());
        return jdbc.sql("""
                UPDATE access_token SET last_used_at = :now
                WHERE token_hash = :hash AND revoked_at IS NULL AND expires_at > :now
                RETURNING account_id""")
                .param("now", now).param("hash", digest(secret))
                .query(Long.class).optional();
    }

    private static @Nullable Instant instant(@Nullable Timestamp timestamp) {
        return timestamp == null ? null : timestamp.toInstant();
    }

    static String digest(String secret) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(secret.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
