package cn.campusgate.committee;

import java.io.ByteArrayOutputStream;
import java.util.List;

import cn.campusgate.core.Actor;
import cn.campusgate.core.Actors;
import cn.campusgate.core.CjkFont;
import cn.campusgate.core.NotFound;
import cn.campusgate.core.Role;
import cn.campusgate.item.Item;
import cn.campusgate.item.Items;
import cn.campusgate.organization.Organizations;
import com.lowagie.text.Chunk;
import com.lowagie.text.Document;
import com.lowagie.text.Element;
import com.lowagie.text.Font;
import com.lowagie.text.PageSize;
import com.lowagie.text.Paragraph;
import com.lowagie.text.Phrase;
import com.lowagie.text.pdf.BaseFont;
import com.lowagie.text.pdf.PdfPCell;
import com.lowagie.text.pdf.PdfPTable;
import com.lowagie.text.pdf.PdfWriter;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The committee opinion as a printable PDF in Chinese: who argued the item (by kind), the spread of scores,
 * the judgements, the opinion's text as signed, and the signature. For everyone who may read the item;
 * an unsigned draft only for the committee's secretary.
 */
@Service
public class OpinionDocuments {

    /** A PDF and the name to save it under. */
    public record Pdf(String fileName, byte[] content) {
    }

    private final PanelRepository repository;
    private final Items items;
    private final Organizations organizations;
    private final OpinionWriter writer;
    private final CjkFont cjk;

    OpinionDocuments(PanelRepository repository, Items items, Organizations organizations, OpinionWriter writer,
                     CjkFont cjk) {
        this.repository = repository;
        this.items = items;
        this.organizations = organizations;
        this.writer = writer;
        this.cjk = cjk;
    }

    @Transactional(readOnly = true)
    public Pdf pdf(long panelId, int round) {
        Actor actor = Actors.required();
        Panel panel = repository.find(panelId).orElseThrow(() -> new NotFound("opinion", panelId));
        Item item = items.get(panel.itemId());
        CommitteeOpinion opinion = panel.opinionOf(round).orElseThrow(() -> new NotFound("opinion", panelId));
        boolean secretary = actor.has(Role.COMMITTEE_SECRETARY) && actor.organizationId() == panel.committeeId();
        if (!opinion.signed() && !secretary) {
            throw new NotFound("opinion", panelId);
        }
        String committee = organizations.get(panel.committeeId()).name();
        String department = organizations.get(item.departmentId()).name();
        return new Pdf("lunzheng-yijian-" + panel.itemId() + "-" + round + ".pdf",
                render(panel, opinion, committee, department));
    }

    byte[] render(Panel panel, CommitteeOpinion opinion, String committee, String department) {
        BaseFont base = cjk.font();
        Font title = new Font(base, 18, Font.BOLD);
        Font heading = new Font(base, 12, Font.BOLD);
        Font body = new Font(base, 10.5f);
        Font small = new Font(base, 9);
        OpinionSummary summary = opinion.summary();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        Document document = new Document(PageSize.A4, 56, 56, 56, 56);
        PdfWriter.getInstance(document, out);
        document.addTitle(writer.m("committee.document.title", panel.itemTitle()));
        document.addCreator("CampusGate");
        document.open();

        Paragraph head = new Paragraph(committee + "\n" + writer.m("committee.document.name"), title);
        head.setAlignment(Element.ALIGN_CENTER);
        document.add(head);
        Paragraph subject = new Paragraph(writer.m("committee.document.title", panel.itemTitle())
                + writer.m("committee.document.round", opinion.round()), heading);
        subject.setAlignment(Element.ALIGN_CENTER);
        subject.setSpacingAfter(10);
        document.add(subject);
        if (!opinion.signed()) {
            Paragraph draft = new Paragraph(writer.m("committee.document.draftMark"), heading);
            draft.setAlignment(Element.ALIGN_CENTER);
            document.add(draft);
        }

        PdfPTable facts = new PdfPTable(new float[]{1.2f, 3.8f});
        facts.setWidthPercentage(100);
        row(facts, writer.m("committee.document.department"), department, body);
        row(facts, writer.m("committee.document.panel"), writer.composition(summary), body);
        row(facts, writer.m("committee.document.validReviews"), String.valueOf(summary.validReviews()), body);
        row(facts, writer.m("committee.document.recommendation"),
                writer.m("committee.recommendation." + opinion.recommendation())
                        + (opinion.deviationReason() == null ? ""
                        : "（" + writer.m("committee.document.deviation", opinion.deviationReason()) + "）"), body);
        document.add(facts);

        document.add(section(writer.m("committee.document.scores"), heading));
        PdfPTable scores = new PdfPTable(new float[]{1.6f, 1.2f, 0.7f, 0.7f, 0.7f, 0.7f, 0.7f, 1f});
        scores.setWidthPercentage(100);
        for (String label : List.of(writer.m("committee.document.aspect"), writer.m("committee.document.range"),
                "5", "4", "3", "2", "1", writer.m("committee.document.disagreementShort"))) {
            scores.addCell(cell(label, small));
        }
        for (OpinionSummary.AspectSpread spread : summary.aspects()) {
            scores.addCell(cell(writer.m("committee.aspect." + spread.aspect()), body));
            scores.addCell(cell(spread.min() + "–" + spread.max(), body));
            for (int score = 5; score >= 1; score--) {
                scores.addCell(cell(String.valueOf(spread.counts().get(score - 1)), body));
            }
            scores.addCell(cell(spread.disagreement() ? writer.m("committee.document.yes") : "", body));
        }
        document.add(scores);

        document.add(section(writer.m("committee.document.judgements"), heading));
        PdfPTable judgements = new PdfPTable(new float[]{1.3f, 0.8f, 0.8f, 4f});
        judgements.setWidthPercentage(100);
        for (String label : List.of(writer.m("committee.document.judgement"), writer.m("committee.document.holds"),
                writer.m("committee.document.doesNotHold"), writer.m("committee.document.reasonsForNo"))) {
            judgements.addCell(cell(label, small));
        }
        for (OpinionSummary.JudgementTally tally : summary.judgements()) {
            judgements.addCell(cell(writer.m("committee.judgement." + tally.judgement()), body));
            judgements.addCell(cell(String.valueOf(tally.yes()), body));
            judgements.addCell(cell(String.valueOf(tally.no()), body));
            judgements.addCell(cell(String.join("；", tally.reasons()), body));
        }
        document.add(judgements);

        document.add(section(writer.m("committee.document.text"), heading));
        // The scores and judgements are the tables above: the text does not repeat them as prose.
        for (String line : writer.withoutTables(opinion.text(), summary).split("\n")) {
            Paragraph paragraph = new Paragraph(line.isEmpty() ? " " : line, body);
            paragraph.setLeading(17);
            document.add(paragraph);
        }
        Paragraph signature = new Paragraph(opinion.signed() ? writer.signature(committee, opinion)
                : writer.m("committee.document.unsigned"), body);
        signature.setAlignment(Element.ALIGN_RIGHT);
        signature.setSpacingBefore(24);
        document.add(signature);
        document.close();
        return out.toByteArray();
    }

    private static Paragraph section(String text, Font font) {
        Paragraph paragraph = new Paragraph(text, font);
        paragraph.setSpacingBefore(12);
        paragraph.setSpacingAfter(6);
        return paragraph;
    }

    private static void row(PdfPTable table, String label, String value, Font font) {
        table.addCell(cell(label, font));
        table.addCell(cell(value, font));
    }

    private static PdfPCell cell(String text, Font font) {
        PdfPCell cell = new PdfPCell(new Phrase(new Chunk(text, font)));
        cell.setPadding(4);
        return cell;
    }
}
