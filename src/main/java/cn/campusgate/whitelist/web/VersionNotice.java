package cn.campusgate.whitelist.web;

import java.awt.Color;
import java.io.ByteArrayOutputStream;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;

import cn.campusgate.core.CjkFont;
import cn.campusgate.core.Formats;
import cn.campusgate.whitelist.PublishedVersion;
import cn.campusgate.whitelist.Whitelist;
import cn.campusgate.whitelist.WhitelistChange;
import cn.campusgate.whitelist.WhitelistEntry;
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
import com.lowagie.text.pdf.draw.LineSeparator;
import org.jspecify.annotations.Nullable;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;

/**
 * The official notice of a published version (关于公布……白名单的通知) as a PDF in Chinese: document number,
 * addressees, the body citing the approval and the effective dates, the issuing body and date, and the list
 * itself as the attachment, with what an amendment changed and why. Always Chinese: it is the
 * document of record, whatever language the reader browses in.
 */
@Component
class VersionNotice {

    private static final Color RED = new Color(0xC0, 0x1F, 0x1F);
    private static final DateTimeFormatter CHINESE_DATE = DateTimeFormatter.ofPattern("yyyy年M月d日", Locale.CHINA);

    private final MessageSource messages;
    private final CjkFont cjk;

    VersionNotice(MessageSource messages, CjkFont cjk) {
        this.messages = messages;
        this.cjk = cjk;
    }

    byte[] pdf(Whitelist list, String jurisdiction, String issuer, PublishedVersion version,
               List<WhitelistChange> changes) {
        BaseFont base = cjk.font();
        Font red = new Font(base, 22, Font.NORMAL, RED);
        Font title = new Font(base, 16, Font.BOLD);
        Font body = new Font(base, 12);
        Font cellHead = new Font(base, 9, Font.BOLD);
        Font cellText = new Font(base, 8.5f);
        String listName = text("whitelist.kind." + list.kind());
        List<WhitelistEntry> listed = version.entries().stream().filter(e -> !e.removed()).toList();
        // An amendment names what it changed and why (the frozen copy carries only what stays listed).
        List<WhitelistChange> amendments = version.number() == 1 ? List.of() : changes.stream()
                .filter(c -> c.kind() != WhitelistChange.Kind.STATUS && c.versionNumber() != null
                        && c.versionNumber() == version.number())
                .toList();

        ByteArrayOutputStream out = new ByteArrayOutputStream();
        Document document = new Document(PageSize.A4, 62, 62, 64, 56);
        PdfWriter.getInstance(document, out);
        String subject = text("whitelist.notice.subject", jurisdiction, String.valueOf(list.year()), listName,
                version.number());
        document.addTitle(subject);
        document.addCreator("CampusGate");
        document.open();

        document.add(centered(issuer + text("whitelist.notice.documentWord"), red, 6));
        document.add(centered(version.documentNumber(), body, 4));
        // The red rule under the document number, as on the issuing body's letterhead (红头).
        Paragraph rule = new Paragraph(new Chunk(new LineSeparator(1.5f, 100, RED, Element.ALIGN_CENTER, 0)));
        rule.setSpacingAfter(12);
        document.add(rule);
        document.add(centered(subject, title, 14));

        document.add(new Paragraph(text("whitelist.notice.addressees"), body));
        paragraph(document, text("whitelist.notice.body", jurisdiction, String.valueOf(list.year()), listName,
                listed.size(), CHINESE_DATE.format(version.effectiveFrom()), CHINESE_DATE.format(version.effectiveTo())),
                body);
        paragraph(document, text("whitelist.notice.rule"), body);
        if (version.number() > 1 && !version.note().isBlank()) {
            paragraph(document, text("whitelist.notice.note", version.note()), body);
        }
        paragraph(document, text("whitelist.notice.public"), body);
        paragraph(document, text("whitelist.notice.attachment", listName), body);

        LocalDate issuedOn = version.publishedAt().atZone(Formats.ZONE).toLocalDate();
        Paragraph signature = new Paragraph(issuer + "\n" + CHINESE_DATE.format(issuedOn), body);
        signature.setAlignment(Element.ALIGN_RIGHT);
        signature.setSpacingBefore(24);
        document.add(signature);

        // The attachment is a wide table: landscape, as such attachments are printed.
        document.setPageSize(PageSize.A4.rotate());
        document.newPage();
        document.add(new Paragraph(text("whitelist.notice.attachmentHead"), body));
        document.add(centered(text("whitelist.notice.attachmentTitle", jurisdiction, String.valueOf(list.year()),
                listName, version.number()), title, 10));
        document.add(table(listed, cellHead, cellText));
        if (!amendments.isEmpty()) {
            Paragraph head = new Paragraph(text("whitelist.notice.changesHead"), body);
            head.setSpacingBefore(12);
            head.setSpacingAfter(6);
            document.add(head);
            PdfPTable table = new PdfPTable(new float[]{0.45f, 1.1f, 2.6f, 3.2f, 2.6f});
            table.setWidthPercentage(100);
            for (String h : List.of("whitelist.export.no", "whitelist.change.kind", "whitelist.export.column.title",
                    "whitelist.change.reason", "whitelist.change.decision")) {
                table.addCell(cell(text(h), cellHead));
            }
            int n = 1;
            for (WhitelistChange change : amendments) {
                table.addCell(cell(String.valueOf(n++), cellText));
                table.addCell(cell(text("whitelist.change." + change.kind()), cellText));
                table.addCell(cell(orDash(change.entryTitle()), cellText));
                table.addCell(cell(change.reason(), cellText));
                table.addCell(cell(change.decision(), cellText));
            }
            document.add(table);
        }
        document.close();
        return out.toByteArray();
    }

    private PdfPTable table(List<WhitelistEntry> entries, Font head, Font text) {
        PdfPTable table = new PdfPTable(new float[]{0.45f, 2.4f, 1.5f, 2.6f, 1f, 1.7f, 0.9f, 1.5f});
        table.setWidthPercentage(100);
        table.setHeaderRows(1);
        for (String h : List.of("whitelist.export.no", "whitelist.export.column.title",
                "whitelist.export.column.department", "whitelist.export.column.basis",
                "whitelist.export.column.stages", "whitelist.notice.window", "whitelist.export.column.frequency",
                "whitelist.export.column.deliveryMode")) {
            table.addCell(cell(text(h), head));
        }
        int n = 1;
        for (WhitelistEntry e : entries) {
            table.addCell(cell(String.valueOf(n++), text));
            table.addCell(cell(e.title(), text));
            table.addCell(cell(e.departmentName(), text));
            table.addCell(cell(orDash(e.basis()), text));
            table.addCell(cell(e.stages().isEmpty() ? text("whitelist.notice.allStages") : e.stages().stream()
                    .sorted().map(s -> text("enum.SchoolStage." + s)).collect(Collectors.joining("、")), text));
            table.addCell(cell(CHINESE_DATE.format(e.startsOn()) + "至" + CHINESE_DATE.format(e.endsOn()), text));
            table.addCell(cell(e.frequency() == null ? "—" : text("enum.Frequency." + e.frequency()), text));
            table.addCell(cell(e.deliveryMode() == null ? "—" : text("enum.DeliveryMode." + e.deliveryMode())
                    + (e.integrationChannel() == null ? "" : "（" + text("enum.IntegrationChannel." + e.integrationChannel()) + "）"), text));
        }
        return table;
    }

    private static Paragraph centered(String content, Font font, float after) {
        Paragraph p = new Paragraph(content, font);
        p.setAlignment(Element.ALIGN_CENTER);
        p.setSpacingAfter(after);
        return p;
    }

    /** A body paragraph as official documents set it: first line indented by two characters. */
    private static void paragraph(Document document, String content, Font font) {
        Paragraph p = new Paragraph(content, font);
        p.setFirstLineIndent(font.getSize() * 2);
        p.setLeading(font.getSize() * 1.75f);
        p.setAlignment(Element.ALIGN_JUSTIFIED);
        document.add(p);
    }

    private static PdfPCell cell(String content, Font font) {
        PdfPCell cell = new PdfPCell(new Phrase(content, font));
        cell.setPadding(3);
        return cell;
    }

    private static String orDash(@Nullable String value) {
        return value == null || value.isBlank() ? "—" : value;
    }

    private String text(String key, Object... args) {
        return messages.getMessage(key, args, key, Locale.SIMPLIFIED_CHINESE);
    }
}
