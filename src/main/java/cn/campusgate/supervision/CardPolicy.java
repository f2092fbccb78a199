package cn.campusgate.supervision;

import java.time.Instant;
import java.time.LocalDate;

import org.jspecify.annotations.Nullable;

/**
 * Repeatedly false complaints from one identified complainant are limited (Hunan's practice): a yellow card
 * after {@code yellowAfter} knowingly false complaints (the complaint is taken, with a warning), a red card
 * after {@code redAfter} (identified complaints are refused until {@code redDays} after the last one was found
 * false; anonymous complaints stay open to everyone).
 */
record CardPolicy(int yellowAfter, int redAfter, int redDays) {

    CardPolicy {
        if (yellowAfter < 1 || redAfter <= yellowAfter || redDays < 1) {
            throw new IllegalArgumentException("cards need 1 <= yellow < red and a positive red-card period");
        }
    }

    static CardPolicy of(SupervisionSettings settings) {
        return new CardPolicy(settings.yellowCardAfter(), settings.redCardAfter(), settings.redCardDays());
    }

    /** The verdict for a new identified complaint. */
    record Verdict(Card card, int falseComplaints, @Nullable LocalDate refusedUntil) {
        boolean refused() {
            return refusedUntil != null;
        }
    }

    Verdict judge(int falseComplaints, @Nullable Instant lastFoundFalse, LocalDate today) {
        if (falseComplaints >= redAfter && lastFoundFalse != null) {
            LocalDate until = lastFoundFalse.atZone(cn.campusgate.core.Formats.ZONE).toLocalDate().plusDays(redDays);
            return new Verdict(Card.RED, falseComplaints, today.isBefore(until) ? until : null);
        }
        if (falseComplaints >= yellowAfter) {
            return new Verdict(Card.YELLOW, falseComplaints, null);
        }
        return new Verdict(Card.NONE, falseComplaints, null);
    }
}
