package cn.campusgate.supervision;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.springframework.util.unit.DataSize;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The module's rules that need no database: receipt codes, sealing, cards, the ladder, redaction, evidence types. */
class SupervisionPolicyTests {

    private static final LocalDate TODAY = LocalDate.of(2026, 11, 30);

    @Test
    void receiptCodesAreLongRandomAndReadBackForgivingly() {
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < 2000; i++) {
            ReceiptCode code = ReceiptCode.generate();
            assertThat(code.value()).hasSize(20).matches("[0-9A-HJKMNP-TV-Z]{20}");
            assertThat(seen.add(code.value())).isTrue();
        }
        ReceiptCode code = ReceiptCode.generate();
        assertThat(code.display()).hasSize(24).matches("([0-9A-Z]{4}-){4}[0-9A-Z]{4}");
        assertThat(ReceiptCode.parse(" " + code.display().toLowerCase() + " ")).contains(code);
        assertThat(ReceiptCode.parse("O0II-LL11-0000-0000-0000")).map(ReceiptCode::value).contains("00111111000000000000");
        assertThat(ReceiptCode.parse("short")).isEmpty();
        assertThat(ReceiptCode.parse("UUUU-UUUU-UUUU-UUUU-UUUU")).as("U is not in the alphabet").isEmpty();
        assertThat(ReceiptCode.parse(null)).isEmpty();
        assertThat(code.digest()).hasSize(64).doesNotContain(code.value());
        assertThat(code.toString()).as("logs never carry the whole code").hasSize(5).endsWith("…");
    }

    @Test
    void identitiesAreSealedWithAuthenticatedEncryptionAndAFreshIvEachTime() {
        IdentityCipher cipher = new IdentityCipher(new cn.campusgate.core.IdentitySeal(SupervisionSettings.DEMO_KEY));
        byte[] first = cipher.seal("张三", "13800001234");
        byte[] second = cipher.seal("张三", "13800001234");
        assertThat(first).isNotEqualTo(second);
        assertThat(new String(first, StandardCharsets.ISO_8859_1)).doesNotContain("13800001234");
        assertThat(cipher.open(first)).isEqualTo(new ComplainantIdentity("张三", "13800001234"));
        assertThat(cipher.open(cipher.seal(null, "parent@example.cn"))).isEqualTo(new ComplainantIdentity(null, "parent@example.cn"));
        assertThat(cipher.seal(null, null)).isNull();

        byte[] tampered = first.clone();
        tampered[tampered.length - 1] ^= 1;
        assertThatThrownBy(() -> cipher.open(tampered)).isInstanceOf(IllegalStateException.class);
        IdentityCipher other = new IdentityCipher(new cn.campusgate.core.IdentitySeal("b3RoZXIta2V5LW90aGVyLWtleS1vdGhlci1rZXktMzI="));
        assertThatThrownBy(() -> other.open(first)).as("another key opens nothing").isInstanceOf(IllegalStateException.class);
        assertThatThrownBy(() -> new IdentityCipher(new cn.campusgate.core.IdentitySeal("c2hvcnQ="))).isInstanceOf(IllegalStateException.class);
    }

    @Test
    void theSameContactIsRecognisedByItsBlindIndexOnly() {
        IdentityCipher cipher = new IdentityCipher(new cn.campusgate.core.IdentitySeal(SupervisionSettings.DEMO_KEY));
        String key = cipher.complainantKey("138 0000-1234");
        assertThat(key).hasSize(64).isEqualTo(cipher.complainantKey("13800001234")).doesNotContain("1380000");
        assertThat(key).isNotEqualTo(cipher.complainantKey("13800001235"));
        IdentityCipher other = new IdentityCipher(new cn.campusgate.core.IdentitySeal("b3RoZXIta2V5LW90aGVyLWtleS1vdGhlci1rZXktMzI="));
        assertThat(other.complainantKey("13800001234")).as("keyed: not a plain hash").isNotEqualTo(key);
    }

    @Test
    void falseComplaintsEarnAYellowCardAfterTwoAndARedCardAfterThree() {
        CardPolicy cards = new CardPolicy(2, 3, 180);
        Instant lastWeek = Instant.parse("2026-11-23T02:00:00Z");
        assertThat(cards.judge(0, null, TODAY).card()).isEqualTo(Card.NONE);
        assertThat(cards.judge(1, lastWeek, TODAY).card()).isEqualTo(Card.NONE);
        assertThat(cards.judge(2, lastWeek, TODAY).card()).isEqualTo(Card.YELLOW);
        assertThat(cards.judge(2, lastWeek, TODAY).refused()).isFalse();
        CardPolicy.Verdict red = cards.judge(3, lastWeek, TODAY);
        assertThat(red.card()).isEqualTo(Card.RED);
        assertThat(red.refusedUntil()).isEqualTo(LocalDate.of(2027, 5, 22));
        assertThat(cards.judge(3, Instant.parse("2026-01-02T02:00:00Z"), TODAY).refused())
                .as("the red card lapses after its period").isFalse();
        assertThat(new CardPolicy(3, 5, 30).judge(2, lastWeek, TODAY).card()).as("configurable").isEqualTo(Card.NONE);
        assertThatThrownBy(() -> new CardPolicy(3, 3, 30)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void theLadderSuggestsTheNextRung() {
        assertThat(EscalationLadder.suggest(List.of())).isEqualTo(SanctionKind.REMINDER_LETTER);
        assertThat(EscalationLadder.suggest(List.of(SanctionKind.REMINDER_LETTER))).isEqualTo(SanctionKind.SUPERVISION_ORDER);
        assertThat(EscalationLadder.suggest(List.of(SanctionKind.REMINDER_LETTER, SanctionKind.SUPERVISION_ORDER)))
                .isEqualTo(SanctionKind.INTERVIEW);
        assertThat(EscalationLadder.suggest(List.of(SanctionKind.NOTICE))).isEqualTo(SanctionKind.ACCOUNTABILITY);
        assertThat(EscalationLadder.suggest(List.of(SanctionKind.WHITELIST_REMOVAL)))
                .as("the removal stands beside the ladder").isEqualTo(SanctionKind.REMINDER_LETTER);
    }

    @Test
    void anExposureNamesNoComplainantNoTeacherAndNoContact() {
        List<ComplainantIdentity> complainants = List.of(new ComplainantIdentity("李明", "13800001234"));
        String clean = "区某局在2026年秋季学期要求辖区学校每周报送消防安全打卡截图，经核查属实，已责令整改并通报。";
        assertThat(ExposureRedaction.problems(clean, complainants)).isEmpty();
        assertThat(ExposureRedaction.problems("学校王某老师反映的情况属实。", complainants)).as("a redacted name is fine").isEmpty();
        assertThat(ExposureRedaction.problems("学校王老师被要求每日打卡。", complainants))
                .containsExactly("supervision.exposure.teacherNamed");
        assertThat(ExposureRedaction.problems("张晓红校长被要求参加", complainants)).containsExactly("supervision.exposure.teacherNamed");
        assertThat(ExposureRedaction.problems("经李明反映，情况属实。", complainants))
                .containsExactly("supervision.exposure.complainantNamed");
        assertThat(ExposureRedaction.problems("联系电话13800001234。", List.of()))
                .containsExactly("supervision.exposure.contactDetails");
        assertThat(ExposureRedaction.problems("邮箱 someone@school.cn", List.of()))
                .containsExactly("supervision.exposure.contactDetails");
    }

    @Test
    void aTextOthersReadIsRefusedWithTheFieldAndTheReaderWhenItNamesAComplainant() {
        List<ComplainantIdentity> complainants = List.of(new ComplainantIdentity("李明", "13800138000"),
                new ComplainantIdentity(null, "parent.wang@example.cn"));
        ComplainantProtection.check("经核查，情况属实。", "supervision.field.findings",
                ComplainantProtection.Audience.BODY, complainants);
        for (String text : List.of("投诉人李明（13800138000）反映属实。", "回访 138 0013 8000。", "回访１３８００１３８０００。",
                "来信 PARENT.WANG@EXAMPLE.CN", "经 李 明 反映")) {
            assertThatThrownBy(() -> ComplainantProtection.check(text, "supervision.field.notice",
                    ComplainantProtection.Audience.BODY, complainants)).as(text)
                    .isInstanceOfSatisfying(cn.campusgate.core.BusinessRuleViolation.class, e -> {
                        assertThat(e.messageKey()).isEqualTo("supervision.text.complainantIdentity");
                        assertThat(e.arguments()).extracting(a -> ((org.springframework.context.MessageSourceResolvable) a)
                                .getCodes()[0]).containsExactly("supervision.field.notice", "supervision.audience.BODY");
                    });
        }
        assertThat(ExposureRedaction.problems("经李 明反映，情况属实。", complainants))
                .as("the exposure check finds the spaced name too").contains("supervision.exposure.complainantNamed");
    }

    @Test
    void evidenceTypesAreReadFromTheBytesNotTheName() {
        assertThat(EvidenceStore.sniff(new byte[]{(byte) 0xFF, (byte) 0xD8, (byte) 0xFF, 0x00})).contains("image/jpeg");
        assertThat(EvidenceStore.sniff(new byte[]{(byte) 0x89, 'P', 'N', 'G', 0x0D, 0x0A, 0x1A, 0x0A, 0})).contains("image/png");
        assertThat(EvidenceStore.sniff("%PDF-1.7\n".getBytes(StandardCharsets.US_ASCII))).contains("application/pdf");
        assertThat(EvidenceStore.sniff("RIFF\0\0\0\0WEBPVP8 ".getBytes(StandardCharsets.ISO_8859_1))).contains("image/webp");
        assertThat(EvidenceStore.sniff("\0\0\0\u0018ftypheic\0\0".getBytes(StandardCharsets.ISO_8859_1))).contains("image/heic");
        assertThat(EvidenceStore.sniff("<html><script>".getBytes(StandardCharsets.US_ASCII))).isEmpty();
        assertThat(EvidenceStore.sniff("MZ\u0090\0".getBytes(StandardCharsets.ISO_8859_1))).isEmpty();
        assertThat(EvidenceStore.cleanName("C:\\Users\\me\\照片.jpg")).isEqualTo("照片.jpg");
        assertThat(EvidenceStore.cleanName("../../etc/passwd")).isEqualTo("passwd");
        assertThat(EvidenceStore.cleanName(null)).isEqualTo("evidence");
    }

    static SupervisionSettings settings(String key) {
        return new SupervisionSettings(key, java.nio.file.Path.of("target/evidence-unit"), DataSize.ofMegabytes(5), 3, 2,
                10, 15, 5, 10, 2, 3, 180, 30);
    }
}
