package cn.campusgate.supervision;

import org.jspecify.annotations.Nullable;

/** A file a complainant attaches: its name as sent and its bytes; the type is read from the bytes themselves. */
public record EvidenceUpload(@Nullable String fileName, byte[] content) {
}
