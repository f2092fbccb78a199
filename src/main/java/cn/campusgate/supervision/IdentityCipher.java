package cn.campusgate.supervision;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Locale;

import javax.crypto.Mac;
import javax.crypto.SecretKey;
import javax.crypto.spec.SecretKeySpec;

import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.security.crypto.encrypt.AesBytesEncryptor;
import org.springframework.security.crypto.encrypt.BytesEncryptor;
import org.springframework.security.crypto.keygen.KeyGenerators;
import org.springframework.stereotype.Component;

/**
 * Seals what must stay with supervision: a complainant's name and contact, and evidence files. AES-256-GCM
 * (Spring Security's {@link AesBytesEncryptor}: a fresh 12-byte random IV before every ciphertext, the tag
 * authenticates it), with the key from {@code campusgate.supervision.identity-key}. Identified complainants
 * are recognised again by a keyed HMAC of their contact (a blind index), never by the contact itself.
 */
@Component
class IdentityCipher {

    private static final Logger log = LoggerFactory.getLogger(IdentityCipher.class);
    private static final char SEPARATOR = '\u001F';

    private final BytesEncryptor encryptor;
    private final SecretKey indexKey;

    IdentityCipher(SupervisionSettings settings) {
        byte[] key = Base64.getDecoder().decode(settings.identityKey().strip());
        if (key.length != 32) {
            throw new IllegalStateException("campusgate.supervision.identity-key must be base64 of 32 bytes");
        }
        if (SupervisionSettings.DEMO_KEY.equals(settings.identityKey().strip())) {
            log.warn("Complainants' identities are sealed with the published demo key; set CAMPUSGATE_IDENTITY_KEY "
                    + "(base64 of 32 random bytes, e.g. `openssl rand -base64 32`) before real use");
        }
        this.encryptor = new AesBytesEncryptor(new SecretKeySpec(key, "AES"), KeyGenerators.secureRandom(12),
                AesBytesEncryptor.CipherAlgorithm.GCM);
        this.indexKey = new SecretKeySpec(hmac(new SecretKeySpec(key, "HmacSHA256"),
                "campusgate/complainant-index"), "HmacSHA256");
    }

    /** Name and contact as one sealed value; null when the complainant gave neither. */
    byte @Nullable [] seal(@Nullable String name, @Nullable String contact) {
        if (name == null && contact == null) {
            return null;
        }
        String plain = (name == null ? "" : name) + SEPARATOR + (contact == null ? "" : contact);
        return encryptor.encrypt(plain.getBytes(StandardCharsets.UTF_8));
    }

    ComplainantIdentity open(byte[] sealed) {
        String plain = new String(encryptor.decrypt(sealed), StandardCharsets.UTF_8);
        int cut = plain.indexOf(SEPARATOR);
        String name = plain.substring(0, cut);
        String contact = plain.substring(cut + 1);
        return new ComplainantIdentity(name.isEmpty() ? null : name, contact.isEmpty() ? null : contact);
    }

    byte[] sealFile(byte[] content) {
        return encryptor.encrypt(content);
    }

    byte[] openFile(byte[] sealed) {
        return encryptor.decrypt(sealed);
    }

    /** The blind index of a contact: the same person writing again is recognised, the contact is not stored. */
    String complainantKey(String contact) {
        String normal = contact.replaceAll("[\\s\\-()（）]", "").toLowerCase(Locale.ROOT);
        return HexFormat.of().formatHex(hmac(indexKey, normal));
    }

    private static byte[] hmac(SecretKey key, String text) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(key);
            return mac.doFinal(text.getBytes(StandardCharsets.UTF_8));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }
}
