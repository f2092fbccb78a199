package cn.campusgate.supervision;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * Evidence files on disk, under {@code campusgate.supervision.evidence-dir} (outside the web root, nothing
 * serves that directory), sealed with the identity key. The type is recognised from the file's first bytes,
 * not its name: JPEG, PNG, WebP, HEIC photos and PDF documents. A file written in a transaction that rolls
 * back is deleted again.
 */
@Component
class EvidenceStore {

    private static final Logger log = LoggerFactory.getLogger(EvidenceStore.class);

    private final Path directory;
    private final long maxBytes;
    private final int maxFiles;
    private final IdentityCipher cipher;

    EvidenceStore(SupervisionSettings settings, IdentityCipher cipher) {
        this.directory = settings.evidenceDir().toAbsolutePath().normalize();
        this.maxBytes = settings.evidenceMaxSize().toBytes();
        this.maxFiles = settings.evidenceMaxFiles();
        this.cipher = cipher;
    }

    /** A checked file, ready to store. */
    record Accepted(String fileName, String contentType, byte[] content) {
    }

    record Stored(String storageKey, String sha256) {
    }

    int maxFiles() {
        return maxFiles;
    }

    long maxBytes() {
        return maxBytes;
    }

    /** Checks every file before any is stored; the first refusal names the file. */
    List<Accepted> check(List<EvidenceUpload> uploads, int alreadyStored) {
        List<EvidenceUpload> real = uploads.stream().filter(u -> u.content().length > 0 || hasName(u)).toList();
        if (alreadyStored + real.size() > maxFiles) {
            throw new EvidenceRejected(EvidenceRejected.Reason.TOO_MANY, "supervision.evidence.tooMany", maxFiles);
        }
        return real.stream().map(this::check).toList();
    }

    private Accepted check(EvidenceUpload upload) {
        String name = cleanName(upload.fileName());
        if (upload.content().length == 0) {
            throw new EvidenceRejected(EvidenceRejected.Reason.EMPTY, "supervision.evidence.empty", name);
        }
        if (upload.content().length > maxBytes) {
            throw new EvidenceRejected(EvidenceRejected.Reason.TOO_LARGE, "supervision.evidence.tooLarge", name,
                    maxBytes / (1024 * 1024));
        }
        String type = sniff(upload.content()).orElseThrow(() -> new EvidenceRejected(EvidenceRejected.Reason.TYPE,
                "supervision.evidence.type", name));
        return new Accepted(name, type, upload.content());
    }

    Stored store(Accepted file) {
        String key = UUID.randomUUID().toString().replace("-", "");
        Path path = pathOf(key);
        try {
            Files.createDirectories(path.getParent());
            Files.write(path, cipher.sealFile(file.content()), StandardOpenOption.CREATE_NEW);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        if (TransactionSynchronizationManager.isSynchronizationActive()) {
            TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
                @Override
                public void afterCompletion(int status) {
                    if (status != STATUS_COMMITTED) {
                        delete(path);
                    }
                }
            });
        }
        return new Stored(key, sha256(file.content()));
    }

    byte[] read(String storageKey) {
        try {
            return cipher.openFile(Files.readAllBytes(pathOf(storageKey)));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private Path pathOf(String key) {
        if (!key.matches("[0-9a-f]{32}")) {
            throw new IllegalArgumentException("not a storage key");
        }
        return directory.resolve(key.substring(0, 2)).resolve(key + ".sealed");
    }

    private static void delete(Path path) {
        try {
            Files.deleteIfExists(path);
        } catch (IOException e) {
            log.warn("Could not delete the evidence file of a rolled-back complaint: {}", path, e);
        }
    }

    /** The content type from the file's own first bytes. */
    static Optional<String> sniff(byte[] b) {
        if (starts(b, 0xFF, 0xD8, 0xFF)) {
            return Optional.of("image/jpeg");
        }
        if (starts(b, 0x89, 'P', 'N', 'G', 0x0D, 0x0A, 0x1A, 0x0A)) {
            return Optional.of("image/png");
        }
        if (b.length >= 12 && ascii(b, 0, 4).equals("RIFF") && ascii(b, 8, 4).equals("WEBP")) {
            return Optional.of("image/webp");
        }
        if (b.length >= 12 && ascii(b, 4, 4).equals("ftyp")
                && List.of("heic", "heix", "mif1", "msf1").contains(ascii(b, 8, 4))) {
            return Optional.of("image/heic");
        }
        if (starts(b, '%', 'P', 'D', 'F', '-')) {
            return Optional.of("application/pdf");
        }
        return Optional.empty();
    }

    private static boolean starts(byte[] b, int... prefix) {
        if (b.length < prefix.length) {
            return false;
        }
        for (int i = 0; i < prefix.length; i++) {
            if ((b[i] & 0xFF) != prefix[i]) {
                return false;
            }
        }
        return true;
    }

    private static String ascii(byte[] b, int from, int length) {
        return new String(Arrays.copyOfRange(b, from, from + length), StandardCharsets.ISO_8859_1);
    }

    private static boolean hasName(EvidenceUpload upload) {
        return upload.fileName() != null && !upload.fileName().isBlank();
    }

    /** The name without any path, at most 200 characters; a placeholder when none was sent. */
    static String cleanName(@Nullable String name) {
        if (name == null || name.isBlank()) {
            return "evidence";
        }
        String base = name.replace('\\', '/');
        base = base.substring(base.lastIndexOf('/') + 1).replaceAll("[\\p{Cntrl}\"]", "").strip();
        if (base.isEmpty()) {
            return "evidence";
        }
        return base.length() > 200 ? base.substring(base.length() - 200) : base;
    }

    private static String sha256(byte[] content) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(content));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
