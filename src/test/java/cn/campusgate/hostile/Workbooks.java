package cn.campusgate.hostile;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Random;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

/**
 * Hand-built .xlsx files: a minimal valid workbook whose one sheet's XML is padded with whitespace (still valid
 * XML), either endlessly repetitive (a classic zip bomb: about 1000 to 1) or with a random whitespace character
 * every ~150 bytes, which compresses only about 40 to 1 and so passes POI's inflate-ratio check.
 */
final class Workbooks {

    private static final String MAIN = "http://schemas.openxmlformats.org/spreadsheetml/2006/main";
    private static final String RELS = "http://schemas.openxmlformats.org/package/2006/relationships";
    private static final String DOC = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";

    record Built(byte[] bytes, long sheetBytes) {
    }

    private Workbooks() {
    }

    static Built padded(long paddingBytes, boolean dense) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        long sheetBytes;
        try (ZipOutputStream zip = new ZipOutputStream(out)) {
            put(zip, "[Content_Types].xml", """
                    <?xml version="1.0" encoding="UTF-8" standalone="yes"?>
                    <Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">\
                    <Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>\
                    <Default Extension="xml" ContentType="application/xml"/>\
                    <Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/>\
                    <Override PartName="/xl/worksheets/sheet1.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/>\
                    </Types>""");
            put(zip, "_rels/.rels", "<Relationships xmlns=\"" + RELS + "\"><Relationship Id=\"rId1\" Type=\"" + DOC
                    + "/officeDocument\" Target=\"xl/workbook.xml\"/></Relationships>");
            put(zip, "xl/workbook.xml", "<workbook xmlns=\"" + MAIN + "\" xmlns:r=\"" + DOC
                    + "\"><sheets><sheet name=\"Sheet1\" sheetId=\"1\" r:id=\"rId1\"/></sheets></workbook>");
            put(zip, "xl/_rels/workbook.xml.rels", "<Relationships xmlns=\"" + RELS + "\"><Relationship Id=\"rId1\" Type=\""
                    + DOC + "/worksheet\" Target=\"worksheets/sheet1.xml\"/></Relationships>");
            zip.putNextEntry(new ZipEntry("xl/worksheets/sheet1.xml"));
            byte[] head = ("<worksheet xmlns=\"" + MAIN + "\"><sheetData><row r=\"1\"><c r=\"A1\" t=\"inlineStr\"><is><t>"
                    + "学校名称</t></is></c></row>").getBytes(StandardCharsets.UTF_8);
            byte[] tail = "</sheetData></worksheet>".getBytes(StandardCharsets.UTF_8);
            zip.write(head);
            byte[] block = new byte[1 << 20];
            Random random = new Random(12);
            long left = paddingBytes;
            while (left > 0) {
                java.util.Arrays.fill(block, (byte) ' ');
                if (dense) {
                    for (int i = random.nextInt(150); i < block.length; i += 100 + random.nextInt(100)) {
                        block[i] = (byte) "\t\n\r".charAt(random.nextInt(3));
                    }
                }
                int n = (int) Math.min(block.length, left);
                zip.write(block, 0, n);
                left -= n;
            }
            zip.write(tail);
            zip.closeEntry();
            sheetBytes = head.length + paddingBytes + tail.length;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return new Built(out.toByteArray(), sheetBytes);
    }

    private static void put(ZipOutputStream zip, String name, String text) throws IOException {
        zip.putNextEntry(new ZipEntry(name));
        zip.write(text.getBytes(StandardCharsets.UTF_8));
        zip.closeEntry();
    }
}
