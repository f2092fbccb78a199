package cn.campusgate.core;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.Base64;

import javax.crypto.Mac;
import javax.crypto.SecretKey;
import javax.crypto.spec.SecretKeySpec;

import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.security.crypto.encrypt.AesBytesEncryptor;
import org.springframework.security.crypto.encrypt.BytesEncryptor;
import org.springframework.security.crypto.keygen.KeyGenerators;
import org.springframework.stereotype.Component;

/**
 * Seals what identifies a protected person (a complainant, an objector during 公示) and the evidence files:
 * AES-256-GCM (Spring Security's {@link AesBytesEncryptor}: a fresh 12-byte random IV before every ciphertext,
 * the tag authenticates it), with the identity key {@code campusgate.supervision.identity-key}
 * ({@code CAMPUSGATE_IDENTITY_KEY}). A name and a contact are sealed together as one value.
 */
@Component
public class IdentitySeal {

    /** The demo's key, published in the repository: fine for a demo, never for real identities. */
    public static final String DEMO_KEY = "Y2FtcHVzZ2F0ZS1kZW1vLWtleS1ub3QtZm9yLXByb2Q=";

    private static final Logger log = LoggerFactory.getLogger(IdentitySeal.class);
    private static final char SEPARATOR = '\u001F';

    private final byte[] key;
    private final BytesEncryptor encryptor;

    /** A name and a contact as the person chose to give them. */
    public record Identity(@Nullable String name, @Nullable String contact) {
        @Override
        public String toString() {
            return "Identity[sealed]";
        }
    }

    public IdentitySeal(@Value("${campusgate.supervision.identity-key}") String identityKey) {
        this.key = Base64.getDecoder().decode(identityKey.strip());
        if (key.length != 32) {
            throw new IllegalStateException("campusgate.supervision.identity-key must be base64 of 32 bytes");
        }
        if (DEMO_KEY.equals(identityKey.strip())) {
            log.warn("Identities are sealed with the published demo key; set CAMPUSGATE_IDENTITY_KEY "
                    + "(base64 of 32 random bytes, e.g. `openssl rand -base64 32`) before real use");
        }
        this.encryptor = new AesBytesEncryptor(new SecretKeySpec(key, "AES"), KeyGenerators.secureRandom(12),
                AesBytesEncryptor.CipherAlgorithm.GCM);
    }

    /** Name and contact as one sealed value; null when the person gave neither. */
    public byte @Nullable [] seal(@Nullable String name, @Nullable String contact) {
        if (name == null && contact == null) {
            return null;
        }
        String plain = (name == null ? "" : name) + SEPARATOR + (contact == null ? "" : contact);
        return encryptor.encrypt(plain.getBytes(StandardCharsets.UTF_8));
    }

    public Identity open(byte[] sealed) {
        String plain = new String(encryptor.decrypt(sealed), StandardCharsets.UTF_8);
        int cut = plain.indexOf(SEPARATOR);
        String name = plain.substring(0, cut);
        String contact = plain.substring(cut + 1);
        return new Identity(name.isEmpty() ? null : name, contact.isEmpty() ? null : contact);
    }

    public byte[] sealBytes(byte[] content) {
        return encryptor.encrypt(content);
    }

    public byte[] openBytes(byte[] sealed) {
        return encryptor.decrypt(sealed);
    }

    /** A key derived from the identity key for one purpose (e.g. a blind index), never the key itself. */
    public SecretKey derivedKey(String purpose) {
        return new SecretKeySpec(hmac(new SecretKeySpec(key, "HmacSHA256"), purpose), "HmacSHA256");
    }

    public static byte[] hmac(SecretKey key, String text) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(key);
            return mac.doFinal(text.getBytes(StandardCharsets.UTF_8));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }
}
