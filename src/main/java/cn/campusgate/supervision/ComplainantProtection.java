package cn.campusgate.supervision;

import java.util.ArrayList;
import java.util.List;

import cn.campusgate.core.BusinessRuleViolation;
import cn.campusgate.core.IdentityText;
import org.jspecify.annotations.Nullable;
import org.springframework.context.support.DefaultMessageSourceResolvable;

/**
 * The complainant's protection in what supervisors type for others to read. Every text that reaches the body
 * concerned, the education commission, another complainant of the case or the public (核查情况, a measure's basis
 * and notice, an extension's reason, a reply sent to every complainant, an exposure) is checked against the
 * sealed identities of the case's complainants, in every written form of them ({@link IdentityText}); a text
 * that names one is refused with the field and who would read it, and nothing is saved.
 */
final class ComplainantProtection {

    /** Who reads a text besides the supervisors. */
    enum Audience { BODY, COMMISSION, COMPLAINANTS, PUBLIC }

    private ComplainantProtection() {
    }

    static boolean names(@Nullable String text, List<ComplainantIdentity> identities) {
        List<@Nullable String> values = new ArrayList<>();
        for (ComplainantIdentity identity : identities) {
            values.add(identity.name());
            values.add(identity.contact());
        }
        return IdentityText.mentions(text, values);
    }

    /**
     * Refuses the text when it names a complainant of the case.
     *
     * @param fieldKey the message key of the field's label, as the form shows it
     */
    static void check(@Nullable String text, String fieldKey, Audience audience, List<ComplainantIdentity> identities) {
        if (names(text, identities)) {
            throw new BusinessRuleViolation("supervision.text.complainantIdentity",
                    new DefaultMessageSourceResolvable(fieldKey),
                    new DefaultMessageSourceResolvable("supervision.audience." + audience));
        }
    }
}
