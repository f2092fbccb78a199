package cn.campusgate.committee;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;

import cn.campusgate.core.Formats;
import cn.campusgate.organization.MemberKind;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;

/**
 * Writes the committee opinion from the summary of the reviews. The opinion is an official document of a
 * Chinese district and is always written in Chinese (its phrases are the {@code committee.document.*}
 * messages), whatever language the secretary reads the pages in.
 */
@Component
class OpinionWriter {

    static final Locale DOCUMENT = Locale.SIMPLIFIED_CHINESE;
    /** The text an item carries back (a return's reason is at most 1000 characters). */
    static final int MAX_CHAIN_TEXT = 1000;

    private final MessageSource messages;

    OpinionWriter(MessageSource messages) {
        this.messages = messages;
    }

    String text(Panel panel, OpinionSummary summary, String committeeName, String departmentName) {
        List<String> lines = new ArrayList<>();
        lines.add(m("committee.document.intro", committeeName, panel.seatedKinds().size(), composition(summary),
                departmentName, panel.itemTitle(), summary.validReviews()));
        if (summary.lapsed() > 0) {
            lines.add(m("committee.document.lapsed", summary.lapsed()));
        }
        lines.add("");
        lines.add(m("committee.document.scores"));
        for (OpinionSummary.AspectSpread spread : summary.aspects()) {
            lines.add(scoreLine(spread));
            if (!spread.notes().isEmpty()) {
                lines.add("    " + m("committee.document.lowNote", String.join("；", spread.notes())));
            }
        }
        lines.add("");
        lines.add(m("committee.document.judgements"));
        for (OpinionSummary.JudgementTally tally : summary.judgements()) {
            lines.add(judgementLine(tally));
        }
        lines.add("");
        lines.add(m("committee.document.changes"));
        if (summary.requiredChanges().isEmpty()) {
            lines.add(m("committee.document.none"));
        } else {
            for (int i = 0; i < summary.requiredChanges().size(); i++) {
                lines.add((i + 1) + ". " + summary.requiredChanges().get(i));
            }
        }
        lines.add("");
        lines.add(m("committee.document.dissent"));
        if (summary.dissent().isEmpty()) {
            lines.add(m("committee.document.none"));
        } else {
            for (OpinionSummary.Dissent dissent : summary.dissent()) {
                lines.add(m("committee.document.dissentLine", m("committee.recommendation." + dissent.recommendation()),
                        dissent.reason().isEmpty() ? m("committee.document.noReasonGiven") : dissent.reason()));
            }
        }
        lines.add("");
        lines.add(m("committee.document.conclusion"));
        lines.add(m(summary.majorityHolds() ? "committee.document.conclusionLine" : "committee.document.conclusionNoMajority",
                m("committee.recommendation." + summary.majority()), summary.count(Recommendation.APPROVE),
                summary.count(Recommendation.APPROVE_WITH_CHANGES), summary.count(Recommendation.REJECT)));
        return String.join("\n", lines);
    }

    /**
     * What the approval chain records as the step's opinion (and, for a return or rejection, the reason the
     * department reads): the recommendation with the changes or reasons, pointing to the full opinion.
     */
    String chainText(Panel panel, CommitteeOpinion opinion) {
        OpinionSummary summary = opinion.summary();
        StringBuilder text = new StringBuilder(m("committee.document.chain", opinion.round(),
                m("committee.recommendation." + opinion.recommendation())));
        if (opinion.recommendation() == Recommendation.APPROVE_WITH_CHANGES) {
            List<String> changes = summary.requiredChanges();
            String listed = changes.isEmpty() ? String.valueOf(opinion.deviationReason())
                    : java.util.stream.IntStream.range(0, changes.size()).mapToObj(i -> (i + 1) + ". " + changes.get(i))
                    .collect(Collectors.joining("；"));
            text.append(m("committee.document.chainChanges", listed)).append("。");
        } else if (opinion.recommendation() == Recommendation.REJECT) {
            List<String> reasons = new ArrayList<>();
            summary.judgements().forEach(t -> reasons.addAll(t.reasons()));
            summary.dissent().stream().filter(d -> d.recommendation() == Recommendation.REJECT)
                    .map(OpinionSummary.Dissent::reason).forEach(reasons::add);
            if (opinion.deviationReason() != null) {
                reasons.add(opinion.deviationReason());
            }
            if (!reasons.isEmpty()) {
                text.append(m("committee.document.chainReasons",
                        String.join("；", new java.util.LinkedHashSet<>(reasons)))).append("。");
            }
        }
        String more = m("committee.document.chainMore");
        if (text.length() + more.length() > MAX_CHAIN_TEXT) {
            text.setLength(MAX_CHAIN_TEXT - more.length() - 1);
            text.append("…");
        }
        return text.append(more).toString();
    }

    /**
     * {@link #chainText} as a key with its arguments, for the trace to read in each reader's language: the round,
     * the recommendation, and the changes or reasons as the members wrote them (cut to fit the chain's limit).
     */
    cn.campusgate.core.SystemText chainSystemText(Panel panel, CommitteeOpinion opinion) {
        String full = chainText(panel, opinion);
        String head = m("committee.document.chain", opinion.round(), m("committee.recommendation." + opinion.recommendation()));
        String more = m("committee.document.chainMore");
        String middle = full.substring(Math.min(head.length(), full.length()),
                Math.max(head.length(), full.length() - more.length()));
        cn.campusgate.core.SystemText.Key recommendation =
                cn.campusgate.core.SystemText.key("committee.recommendation." + opinion.recommendation());
        String prefixChanges = m("committee.document.chainChanges", "");
        String prefixReasons = m("committee.document.chainReasons", "");
        if (middle.startsWith(prefixChanges)) {
            return cn.campusgate.core.SystemText.of("committee.chain.changes", opinion.round(), recommendation,
                    trimEnd(middle.substring(prefixChanges.length())));
        }
        if (middle.startsWith(prefixReasons)) {
            return cn.campusgate.core.SystemText.of("committee.chain.reasons", opinion.round(), recommendation,
                    trimEnd(middle.substring(prefixReasons.length())));
        }
        return cn.campusgate.core.SystemText.of("committee.chain.plain", opinion.round(), recommendation);
    }

    private static String trimEnd(String listed) {
        return listed.endsWith("。") ? listed.substring(0, listed.length() - 1) : listed;
    }

    /** The signature line of a signed opinion. */
    String signature(String committeeName, CommitteeOpinion opinion) {
        LocalDate day = opinion.signedAt() == null ? null
                : opinion.signedAt().atZone(Formats.ZONE).toLocalDate();
        return m("committee.document.signature", committeeName, String.valueOf(opinion.signedByName()),
                day == null ? "" : day.getYear() + "年" + day.getMonthValue() + "月" + day.getDayOfMonth() + "日");
    }

    String composition(OpinionSummary summary) {
        return summary.compositionInOrder().stream()
                .map(e -> m("committee.document.kindCount", kind(e.getKey()), e.getValue()))
                .collect(Collectors.joining("、"));
    }

    String kind(MemberKind kind) {
        return m("account.memberKind." + kind);
    }

    String judgementLine(OpinionSummary.JudgementTally tally) {
        return m("committee.document.judgementLine", m("committee.judgement." + tally.judgement()), tally.yes(),
                tally.no()) + (tally.reasons().isEmpty() ? "。"
                : "；" + m("committee.document.noReasons", String.join("；", tally.reasons())) + "。");
    }

    /**
     * The opinion's text without what the PDF already shows as its two tables: the score and judgement lines as
     * the draft wrote them (lines the secretary reworded stay), and the headings of sections left empty.
     */
    String withoutTables(String text, OpinionSummary summary) {
        java.util.Set<String> tabled = new java.util.HashSet<>();
        summary.aspects().forEach(spread -> tabled.add(scoreLine(spread)));
        summary.judgements().forEach(tally -> tabled.add(judgementLine(tally)));
        java.util.Set<String> headings = java.util.Set.of(m("committee.document.scores"), m("committee.document.judgements"));
        List<String> kept = new ArrayList<>();
        for (String line : text.split("\n", -1)) {
            if (!tabled.contains(line.strip())) {
                kept.add(line);
            }
        }
        List<String> result = new ArrayList<>();
        for (int i = 0; i < kept.size(); i++) {
            String line = kept.get(i);
            boolean emptySection = headings.contains(line.strip())
                    && (i + 1 == kept.size() || kept.get(i + 1).isBlank());
            boolean doubleBlank = line.isBlank() && !result.isEmpty() && result.getLast().isBlank();
            if (!emptySection && !doubleBlank) {
                result.add(line);
            }
        }
        return String.join("\n", result).strip();
    }

    String scoreLine(OpinionSummary.AspectSpread spread) {
        List<String> counts = new ArrayList<>();
        for (int score = 5; score >= 1; score--) {
            int count = spread.counts().get(score - 1);
            if (count > 0) {
                counts.add(m("committee.document.scoreCount", score, count));
            }
        }
        return m("committee.document.scoreLine", m("committee.aspect." + spread.aspect()), spread.min(), spread.max(),
                String.join("，", counts)) + (spread.disagreement() ? m("committee.document.disagreement") : "") + "。";
    }

    String m(String key, Object... args) {
        return messages.getMessage(key, args, DOCUMENT);
    }

    /** Kinds in order with their counts, for pages. */
    static Map<MemberKind, Long> byKind(List<MemberKind> kinds) {
        return kinds.stream().collect(Collectors.groupingBy(k -> k, () -> new java.util.EnumMap<>(MemberKind.class),
                Collectors.counting()));
    }
}
