package cn.campusgate.campaign;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import cn.campusgate.campaign.CampaignEvents.SummaryReportIssued;
import cn.campusgate.campaign.Campaigns.Figures;
import cn.campusgate.campaign.Campaigns.ProblemView;
import cn.campusgate.core.Actors;
import cn.campusgate.core.CjkFont;
import cn.campusgate.screening.RuleFamily;
import com.lowagie.text.Chunk;
import com.lowagie.text.Document;
import com.lowagie.text.Element;
import com.lowagie.text.Font;
import com.lowagie.text.Image;
import com.lowagie.text.PageSize;
import com.lowagie.text.Paragraph;
import com.lowagie.text.Phrase;
import com.lowagie.text.pdf.BaseFont;
import com.lowagie.text.pdf.PdfContentByte;
import com.lowagie.text.pdf.PdfPCell;
import com.lowagie.text.pdf.PdfPTable;
import com.lowagie.text.pdf.PdfTemplate;
import com.lowagie.text.pdf.PdfWriter;
import org.apache.poi.xddf.usermodel.chart.AxisCrosses;
import org.apache.poi.xddf.usermodel.chart.AxisPosition;
import org.apache.poi.xddf.usermodel.chart.BarDirection;
import org.apache.poi.xddf.usermodel.chart.ChartTypes;
import org.apache.poi.xddf.usermodel.chart.XDDFBarChartData;
import org.apache.poi.xddf.usermodel.chart.XDDFCategoryAxis;
import org.apache.poi.xddf.usermodel.chart.XDDFChartData;
import org.apache.poi.xddf.usermodel.chart.XDDFDataSource;
import org.apache.poi.xddf.usermodel.chart.XDDFDataSourcesFactory;
import org.apache.poi.xddf.usermodel.chart.XDDFNumericalDataSource;
import org.apache.poi.xddf.usermodel.chart.XDDFValueAxis;
import org.apache.poi.xwpf.usermodel.ParagraphAlignment;
import org.apache.poi.xwpf.usermodel.XWPFChart;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.apache.poi.xwpf.usermodel.XWPFParagraph;
import org.apache.poi.xwpf.usermodel.XWPFRun;
import org.apache.poi.xwpf.usermodel.XWPFTable;
import org.apache.poi.xwpf.usermodel.XWPFTableRow;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The summary report (工作总结) as a PDF and as a Word document, always in Chinese (the document of record): the
 * basic figures with two charts (problems by kind, problems by department), the main measures, the typical cases the
 * task force chose, the problems still open and what comes next, and the rectification ledger as an attachment.
 */
@Service
public class SummaryReports {

    private static final DateTimeFormatter CHINESE_DATE = DateTimeFormatter.ofPattern("yyyy年M月d日", Locale.CHINA);
    private static final Locale ZH = Locale.SIMPLIFIED_CHINESE;
    private static final java.awt.Color BAR = new java.awt.Color(0x1F, 0x5F, 0xA8);

    private final Campaigns campaigns;
    private final CjkFont cjk;
    private final MessageSource messages;
    private final ApplicationEventPublisher events;

    SummaryReports(Campaigns campaigns, CjkFont cjk, MessageSource messages, ApplicationEventPublisher events) {
        this.campaigns = campaigns;
        this.cjk = cjk;
        this.messages = messages;
        this.events = events;
    }

    /** One chapter of the report: a heading and its paragraphs. */
    record Chapter(String heading, List<String> paragraphs) {
    }

    @Transactional
    public byte[] pdf(long campaignId) {
        SummaryReport report = campaigns.report(campaignId);
        byte[] pdf = writePdf(report);
        events.publishEvent(new SummaryReportIssued(Actors.currentName(), campaignId, "PDF"));
        return pdf;
    }

    @Transactional
    public byte[] docx(long campaignId) {
        SummaryReport report = campaigns.report(campaignId);
        byte[] docx = writeDocx(report);
        events.publishEvent(new SummaryReportIssued(Actors.currentName(), campaignId, "DOCX"));
        return docx;
    }

    /** The report's file name without extension, e.g. 合川区2024年专项整治工作总结. */
    public String fileName(SummaryReport report) {
        return report.jurisdictionName() + report.campaign().year() + "年专项整治工作总结";
    }

    String title(SummaryReport report) {
        return "关于" + report.campaign().title() + "的工作总结";
    }

    // --- the text, shared by both formats ---

    List<Chapter> chapters(SummaryReport report) {
        Figures f = report.figures();
        Campaign c = report.campaign();
        List<Chapter> chapters = new ArrayList<>();
        String kinds = joinCounts(f.affairsByKind(), k -> label("campaign.kind." + k));
        String families = joinCounts(f.problemsByFamily(), k -> label("campaign.family." + k));
        List<String> basic = new ArrayList<>();
        basic.add(String.format(ZH, "按照%s部署，%s组织各部门、各镇街和学校全面摸排了%s以来社会事务进校园情况。截至%s，"
                        + "共有%d个单位报送社会事务%d项（%s），其中未经审批报备进入校园%d项，合计占用课时%s节。",
                "专项整治行动方案", report.jurisdictionName(), CHINESE_DATE.format(c.surveySince()),
                CHINESE_DATE.format(report.asOf()), f.reporters(), f.affairs(), kinds.isEmpty() ? "暂无" : kinds,
                f.unapproved(), hours(f.classHours())));
        basic.add(String.format(ZH, "逐项对照“无关、无序、无效”整治重点筛查，梳理形成问题清单%d个（%s），经核实不予立项%d个；"
                        + "纳入整改台账%d个，已整改销号%d个，整改销号率%d%%；尚在整改%d个，逾期未完成%d个。",
                f.problems(), families.isEmpty() ? "暂无" : families, f.dismissed(), f.ledgered() + f.closed(), f.closed(),
                f.closedPercent(), f.ledgered(), f.overdueEntries()));
        StringBuilder steps = new StringBuilder("工作进度：");
        for (Milestone m : report.milestones()) {
            steps.append(label("campaign.milestone." + m.kind())).append("（")
                    .append(m.dueOn() == null ? "常态开展" : CHINESE_DATE.format(m.dueOn()) + "前").append("）")
                    .append(label("campaign.milestone.status." + m.status()))
                    .append(m.completedOn() != null ? "，" + CHINESE_DATE.format(m.completedOn()) + "完成" : "")
                    .append("；");
        }
        steps.setCharAt(steps.length() - 1, '。');
        basic.add(steps.toString());
        chapters.add(new Chapter("一、基本情况", basic));
        chapters.add(new Chapter("二、主要做法", lines(c.measures())));
        List<String> cases = new ArrayList<>();
        int n = 1;
        for (ProblemView v : report.typicalCases()) {
            cases.add(String.format(ZH, "案例%d：%s“%s”（%s）。%s 对照：%s。%s", n++, v.affair().departmentName(),
                    v.affair().title(), CHINESE_DATE.format(v.affair().occurredOn()),
                    v.problem().caseNote() == null ? "" : v.problem().caseNote(), v.problem().clause(),
                    v.entry() == null ? "" : "整改措施：" + v.entry().measure() + "（"
                            + label("campaign.ledger.status." + v.entry().status()) + "）。"));
        }
        if (cases.isEmpty()) {
            cases.add("专班尚未选定典型案例。");
        }
        chapters.add(new Chapter("三、典型案例", cases));
        List<String> open = new ArrayList<>();
        if (report.openProblems().isEmpty()) {
            open.add("问题清单所列问题均已整改销号或经核实不予立项。");
        } else {
            open.add(String.format(ZH, "仍有%d个问题尚未整改销号，主要是：", report.openProblems().size()));
            report.openProblems().stream().limit(20).forEach(v -> open.add(String.format(ZH, "%s“%s”：%s%s",
                    v.affair().departmentName(), v.affair().title(), "属" + label("campaign.family." + v.problem().family()) + "问题",
                    v.entry() == null ? "，尚未建立整改台账。"
                            : "，责任单位" + v.entry().ownerName() + "，整改时限" + CHINESE_DATE.format(v.entry().deadline())
                            + (v.entry().overdue(report.asOf()) ? "，已逾期。" : "。"))));
            if (report.openProblems().size() > 20) {
                open.add(String.format(ZH, "其余%d个见整改台账。", report.openProblems().size() - 20));
            }
        }
        chapters.add(new Chapter("四、存在的问题", open));
        chapters.add(new Chapter("五、下一步工作", lines(c.outlook())));
        return chapters;
    }

    Map<String, Long> familyChart(SummaryReport report) {
        Map<String, Long> data = new LinkedHashMap<>();
        for (RuleFamily family : RuleFamily.values()) {
            data.put(label("campaign.family." + family), report.figures().problemsByFamily().getOrDefault(family, 0L));
        }
        return data;
    }

    // --- PDF ---

    byte[] writePdf(SummaryReport report) {
        BaseFont base = cjk.font();
        Font title = new Font(base, 18, Font.BOLD);
        Font heading = new Font(base, 14, Font.BOLD);
        Font body = new Font(base, 11.5f);
        Font small = new Font(base, 8.5f);
        Font smallBold = new Font(base, 9, Font.BOLD);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        Document document = new Document(PageSize.A4, 64, 64, 64, 56);
        PdfWriter writer = PdfWriter.getInstance(document, out);
        document.addTitle(title(report));
        document.addCreator("CampusGate");
        document.open();
        Paragraph head = new Paragraph(title(report), title);
        head.setAlignment(Element.ALIGN_CENTER);
        head.setSpacingAfter(6);
        document.add(head);
        Paragraph by = new Paragraph(report.issuer() + "专项整治工作专班办公室　" + CHINESE_DATE.format(report.asOf()), body);
        by.setAlignment(Element.ALIGN_CENTER);
        by.setSpacingAfter(14);
        document.add(by);
        boolean first = true;
        for (Chapter chapter : chapters(report)) {
            Paragraph h = new Paragraph(chapter.heading(), heading);
            h.setSpacingBefore(10);
            h.setSpacingAfter(4);
            document.add(h);
            for (String text : chapter.paragraphs()) {
                Paragraph p = new Paragraph(text, body);
                p.setFirstLineIndent(23);
                p.setLeading(20);
                p.setSpacingAfter(3);
                document.add(p);
            }
            if (first) {
                document.add(chart(writer, base, "图1　问题清单按类型分布", familyChart(report)));
                document.add(chart(writer, base, "图2　问题清单按开展部门分布（前10）", report.figures().problemsByDepartment()));
                first = false;
            }
        }
        document.setPageSize(PageSize.A4.rotate());
        document.newPage();
        document.add(new Paragraph("附件", heading));
        Paragraph t = new Paragraph(report.jurisdictionName() + report.campaign().year() + "年社会事务进校园问题整改台账", heading);
        t.setAlignment(Element.ALIGN_CENTER);
        t.setSpacingAfter(8);
        document.add(t);
        PdfPTable table = new PdfPTable(new float[]{0.5f, 2.2f, 1.4f, 1.2f, 2.6f, 1.4f, 2.6f, 1.1f, 1f});
        table.setWidthPercentage(100);
        table.setHeaderRows(1);
        for (String h : ledgerHeads()) {
            table.addCell(cell(h, smallBold));
        }
        int n = 1;
        for (List<String> row : ledgerRows(report)) {
            table.addCell(cell(String.valueOf(n++), small));
            row.forEach(value -> table.addCell(cell(value, small)));
        }
        if (report.ledger().isEmpty()) {
            PdfPCell none = cell("暂无整改台账。", small);
            none.setColspan(9);
            table.addCell(none);
        }
        document.add(table);
        document.close();
        return out.toByteArray();
    }

    /** A bar chart drawn with the document's Chinese font, as an image the page flows around. */
    private Image chart(PdfWriter writer, BaseFont font, String caption, Map<String, Long> data) {
        float width = 440;
        float rowHeight = 18;
        float height = 34 + Math.max(1, data.size()) * rowHeight;
        PdfTemplate template = writer.getDirectContent().createTemplate(width, height);
        long max = Math.max(1, data.values().stream().mapToLong(Long::longValue).max().orElse(1));
        float labelWidth = 150;
        float barSpace = width - labelWidth - 40;
        template.beginText();
        template.setFontAndSize(font, 10);
        template.showTextAligned(PdfContentByte.ALIGN_CENTER, caption, width / 2, height - 14, 0);
        template.endText();
        float y = height - 34;
        for (Map.Entry<String, Long> bar : data.entrySet()) {
            float length = barSpace * bar.getValue() / max;
            template.setColorFill(BAR);
            template.rectangle(labelWidth, y - 12, Math.max(length, 0.5f), 12);
            template.fill();
            template.setColorFill(java.awt.Color.BLACK);
            template.beginText();
            template.setFontAndSize(font, 9);
            String label = bar.getKey().length() > 14 ? bar.getKey().substring(0, 14) + "…" : bar.getKey();
            template.showTextAligned(PdfContentByte.ALIGN_RIGHT, label, labelWidth - 6, y - 9, 0);
            template.showTextAligned(PdfContentByte.ALIGN_LEFT, String.valueOf(bar.getValue()), labelWidth + length + 4, y - 9, 0);
            template.endText();
            y -= rowHeight;
        }
        if (data.isEmpty()) {
            template.beginText();
            template.setFontAndSize(font, 9);
            template.showTextAligned(PdfContentByte.ALIGN_CENTER, "暂无数据", width / 2, y - 9, 0);
            template.endText();
        }
        try {
            Image image = Image.getInstance(template);
            image.setAlignment(Element.ALIGN_CENTER);
            image.setSpacingBefore(6);
            image.setSpacingAfter(6);
            return image;
        } catch (com.lowagie.text.BadElementException e) {
            throw new IllegalStateException(e);
        }
    }

    private static PdfPCell cell(String text, Font font) {
        PdfPCell cell = new PdfPCell(new Phrase(new Chunk(text, font)));
        cell.setPadding(3);
        return cell;
    }

    // --- Word ---

    byte[] writeDocx(SummaryReport report) {
        try (XWPFDocument doc = new XWPFDocument(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            XWPFParagraph head = doc.createParagraph();
            head.setAlignment(ParagraphAlignment.CENTER);
            run(head, title(report), 18, true);
            XWPFParagraph by = doc.createParagraph();
            by.setAlignment(ParagraphAlignment.CENTER);
            run(by, report.issuer() + "专项整治工作专班办公室　" + CHINESE_DATE.format(report.asOf()), 12, false);
            boolean first = true;
            for (Chapter chapter : chapters(report)) {
                run(doc.createParagraph(), chapter.heading(), 14, true);
                for (String text : chapter.paragraphs()) {
                    XWPFParagraph p = doc.createParagraph();
                    p.setIndentationFirstLine(480);
                    run(p, text, 12, false);
                }
                if (first) {
                    barChart(doc, "图1　问题清单按类型分布", familyChart(report));
                    barChart(doc, "图2　问题清单按开展部门分布（前10）", report.figures().problemsByDepartment());
                    first = false;
                }
            }
            XWPFParagraph attachment = doc.createParagraph();
            attachment.setPageBreak(true);
            run(attachment, "附件：" + report.jurisdictionName() + report.campaign().year() + "年社会事务进校园问题整改台账", 14, true);
            List<List<String>> rows = ledgerRows(report);
            XWPFTable table = doc.createTable(rows.size() + 1, 9);
            table.setWidth("100%");
            List<String> heads = ledgerHeads();
            fill(table.getRow(0), heads, true);
            for (int i = 0; i < rows.size(); i++) {
                List<String> values = new ArrayList<>();
                values.add(String.valueOf(i + 1));
                values.addAll(rows.get(i));
                fill(table.getRow(i + 1), values, false);
            }
            doc.write(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (org.apache.poi.openxml4j.exceptions.InvalidFormatException e) {
            throw new IllegalStateException(e);
        }
    }

    /** A native Word bar chart (editable in Word and WPS), with its data embedded. */
    private static void barChart(XWPFDocument doc, String caption, Map<String, Long> data)
            throws IOException, org.apache.poi.openxml4j.exceptions.InvalidFormatException {
        if (data.isEmpty()) {
            return;
        }
        XWPFChart chart = doc.createChart(15 * 360000, 7 * 360000);
        chart.setTitleText(caption);
        chart.setTitleOverlay(false);
        XDDFCategoryAxis categories = chart.createCategoryAxis(AxisPosition.BOTTOM);
        XDDFValueAxis values = chart.createValueAxis(AxisPosition.LEFT);
        values.setCrosses(AxisCrosses.AUTO_ZERO);
        XDDFDataSource<String> labels = XDDFDataSourcesFactory.fromArray(data.keySet().toArray(String[]::new));
        XDDFNumericalDataSource<Long> counts = XDDFDataSourcesFactory.fromArray(data.values().toArray(Long[]::new));
        XDDFBarChartData bars = (XDDFBarChartData) chart.createData(ChartTypes.BAR, categories, values);
        bars.setBarDirection(BarDirection.COL);
        XDDFChartData.Series series = bars.addSeries(labels, counts);
        series.setTitle("问题数", null);
        chart.plot(bars);
        XWPFParagraph p = doc.createParagraph();
        p.setAlignment(ParagraphAlignment.CENTER);
        run(p, caption, 10, false);
    }

    private static void fill(XWPFTableRow row, List<String> values, boolean bold) {
        for (int i = 0; i < values.size(); i++) {
            var cell = row.getCell(i);
            cell.removeParagraph(0);
            run(cell.addParagraph(), values.get(i), 9, bold);
        }
    }

    private static void run(XWPFParagraph paragraph, String text, int size, boolean bold) {
        XWPFRun run = paragraph.createRun();
        run.setFontFamily("宋体");
        run.setFontSize(size);
        run.setBold(bold);
        run.setText(text);
    }

    // --- helpers ---

    private List<String> ledgerHeads() {
        return List.of("序号", "问题事项", "开展部门", "问题类型", "问题表现（政策依据）", "责任单位", "整改措施", "整改时限", "整改状态");
    }

    private List<List<String>> ledgerRows(SummaryReport report) {
        List<List<String>> rows = new ArrayList<>();
        for (ProblemView v : report.ledger()) {
            rows.add(List.of(v.affair().title(), v.affair().departmentName(), label("campaign.family." + v.problem().family()),
                    v.problem().explanation(), v.entry().ownerName(), v.entry().measure(),
                    CHINESE_DATE.format(v.entry().deadline()), label("campaign.ledger.status." + v.entry().status())));
        }
        return rows;
    }

    private <K> String joinCounts(Map<K, Long> counts, java.util.function.Function<K, String> name) {
        List<String> parts = new ArrayList<>();
        counts.forEach((k, v) -> parts.add(name.apply(k) + v + "项"));
        return String.join("，", parts).replaceAll("(无关|无序|无效)(\\d+)项", "$1$2个");
    }

    private static List<String> lines(@org.jspecify.annotations.Nullable String text) {
        if (text == null || text.isBlank()) {
            return List.of("（未填写）");
        }
        return text.lines().map(String::strip).filter(l -> !l.isEmpty()).toList();
    }

    private static String hours(double hours) {
        return hours == Math.rint(hours) ? String.valueOf((long) hours) : String.format(ZH, "%.1f", hours);
    }

    private String label(String key) {
        return messages.getMessage(key, null, key, ZH);
    }
}
