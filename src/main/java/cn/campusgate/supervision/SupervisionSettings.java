package cn.campusgate.supervision;

import java.nio.file.Path;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;

/**
 * {@code campusgate.supervision.*}: the key that seals complainants' identities, where evidence files live,
 * the working-day deadlines of each stage, the complainant cards and the grouping window.
 *
 * @param identityKey       base64 of 32 random bytes (AES-256); {@code CAMPUSGATE_IDENTITY_KEY}
 * @param evidenceDir       outside the web root; files are sealed with the same key
 * @param receivedDays      working days to take a complaint up (受理)
 * @param verificationDays  working days for verification (核查)
 * @param handlingDays      working days for handling (处理)
 * @param followUpDays      working days for the follow-up with the complainant (回访)
 * @param responseDays      default response window of the body a measure is addressed to
 * @param yellowCardAfter   knowingly false complaints from one identified complainant before the yellow card
 * @param redCardAfter      … before the red card, which refuses identified complaints for {@code redCardDays}
 * @param groupWindowDays   complaints about the same school and body within this many days form one case
 */
@ConfigurationProperties("campusgate.supervision")
public record SupervisionSettings(
        String identityKey,
        @DefaultValue("./data/evidence") Path evidenceDir,
        @DefaultValue("5MB") DataSize evidenceMaxSize,
        @DefaultValue("3") int evidenceMaxFiles,
        @DefaultValue("2") int receivedDays,
        @DefaultValue("10") int verificationDays,
        @DefaultValue("15") int handlingDays,
        @DefaultValue("5") int followUpDays,
        @DefaultValue("10") int responseDays,
        @DefaultValue("2") int yellowCardAfter,
        @DefaultValue("3") int redCardAfter,
        @DefaultValue("180") int redCardDays,
        @DefaultValue("30") int groupWindowDays) {

    /** The demo's key, published in the repository: fine for a demo, never for real complaints. */
    static final String DEMO_KEY = cn.campusgate.core.IdentitySeal.DEMO_KEY;

    int daysFor(CaseStatus stage) {
        return switch (stage) {
            case RECEIVED -> receivedDays;
            case VERIFICATION -> verificationDays;
            case HANDLING -> handlingDays;
            case FOLLOW_UP -> followUpDays;
            case CLOSED -> 0;
        };
    }
}
