package cn.campusgate.supervision;

import java.util.HexFormat;
import java.util.Locale;

import javax.crypto.SecretKey;

import cn.campusgate.core.IdentitySeal;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;

/**
 * Seals what must stay with supervision: a complainant's name and contact, and evidence files, through the shared
 * {@link IdentitySeal} (AES-256-GCM with {@code campusgate.supervision.identity-key}). Identified complainants
 * are recognised again by a keyed HMAC of their contact (a blind index), never by the contact itself.
 */
@Component
class IdentityCipher {

    private final IdentitySeal seal;
    private final SecretKey indexKey;

    IdentityCipher(IdentitySeal seal) {
        this.seal = seal;
        this.indexKey = seal.derivedKey("campusgate/complainant-index");
    }

    /** Name and contact as one sealed value; null when the complainant gave neither. */
    byte @Nullable [] seal(@Nullable String name, @Nullable String contact) {
        return seal.seal(name, contact);
    }

    ComplainantIdentity open(byte[] sealed) {
        IdentitySeal.Identity identity = seal.open(sealed);
        return new ComplainantIdentity(identity.name(), identity.contact());
    }

    byte[] sealFile(byte[] content) {
        return seal.sealBytes(content);
    }

    byte[] openFile(byte[] sealed) {
        return seal.openBytes(sealed);
    }

    /** The blind index of a contact: the same person writing again is recognised, the contact is not stored. */
    String complainantKey(String contact) {
        String normal = contact.replaceAll("[\\s\\-()（）]", "").toLowerCase(Locale.ROOT);
        return HexFormat.of().formatHex(IdentitySeal.hmac(indexKey, normal));
    }
}
