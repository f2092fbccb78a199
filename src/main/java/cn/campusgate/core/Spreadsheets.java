package cn.campusgate.core;

import java.io.ByteArrayInputStream;
import java.io.IOException;

import org.apache.poi.openxml4j.util.ZipSecureFile;
import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;

/**
 * Opens an uploaded .xlsx with explicit limits against zip bombs (POI keeps them process-wide): an entry that
 * inflates more than 100 times its compressed size, or to more than {@value #MAX_ENTRY_BYTES} bytes, or a workbook
 * with more than 1,000 parts is refused with an {@link IOException} before it is read into memory. The uploads are
 * at most 10 MB (the multipart limit), so without the entry limit a workbook inflating 99 times would still have
 * become a gigabyte of XML on the heap. A real import sheet of a district is well below a megabyte of XML.
 */
public final class Spreadsheets {

    /** Largest part (sheet XML, shared strings) of an uploaded workbook once inflated. */
    public static final long MAX_ENTRY_BYTES = 64L * 1024 * 1024;

    static {
        ZipSecureFile.setMinInflateRatio(0.01);
        ZipSecureFile.setMaxEntrySize(MAX_ENTRY_BYTES);
        ZipSecureFile.setMaxFileCount(1000);
    }

    private Spreadsheets() {
    }

    /** The workbook of an uploaded .xlsx; an IOException or a runtime exception of POI when it is not one. */
    public static Workbook open(byte[] content) throws IOException {
        return new XSSFWorkbook(new ByteArrayInputStream(content));
    }
}
