package cn.yijianshi.upload;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;

/** A file is what its first bytes say, whatever it is called. */
class FileKindTest {

    static byte[] pdf() {
        return "%PDF-1.7\n%âãÏÓ\n1 0 obj\n<< /Type /Catalog >>\nendobj\n%%EOF\n".getBytes(StandardCharsets.ISO_8859_1);
    }

    static byte[] png() {
        return new byte[] {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n', 0, 0, 0, 13, 'I', 'H', 'D', 'R'};
    }

    static byte[] jpeg() {
        return new byte[] {(byte) 0xff, (byte) 0xd8, (byte) 0xff, (byte) 0xe0, 0, 16, 'J', 'F', 'I', 'F', 0};
    }

    /** A Windows program: "MZ", then the DOS stub. */
    static byte[] exe() {
        byte[] exe = new byte[512];
        exe[0] = 'M';
        exe[1] = 'Z';
        exe[2] = (byte) 0x90;
        return exe;
    }

    static byte[] zip() throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (ZipOutputStream zip = new ZipOutputStream(out)) {
            zip.putNextEntry(new ZipEntry("matter.yaml"));
            zip.write("key: TEST\nname: 测试一件事\n".getBytes(StandardCharsets.UTF_8));
            zip.closeEntry();
        }
        return out.toByteArray();
    }

    static byte[] xlsx() throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (XSSFWorkbook workbook = new XSSFWorkbook()) {
            workbook.createSheet("参保人").createRow(0).createCell(0).setCellValue("姓名");
            workbook.write(out);
        }
        return out.toByteArray();
    }

    static byte[] csv() {
        return "\uFEFF服务网点编码,名称,地址\r\nSP001,芝罘区人社局一楼大厅,芝罘区南大街 1 号\r\n".getBytes(StandardCharsets.UTF_8);
    }

    @Test
    void eachKindIsToldByItsFirstBytes() throws IOException {
        assertThat(FileKind.of(pdf(), true)).isEqualTo(FileKind.PDF);
        assertThat(FileKind.of(png(), true)).isEqualTo(FileKind.PNG);
        assertThat(FileKind.of(jpeg(), true)).isEqualTo(FileKind.JPEG);
        assertThat(FileKind.of(zip(), true)).isEqualTo(FileKind.ZIP);
        assertThat(FileKind.of(csv(), true)).isEqualTo(FileKind.TEXT);
    }

    @Test
    void anExcelWorkbookIsAZipArchive() throws IOException {
        assertThat(FileKind.of(xlsx(), true)).isEqualTo(FileKind.ZIP);
    }

    @Test
    void aProgramIsNoneOfOurKindsWhateverItIsCalled() {
        assertThat(FileKind.of(exe(), true)).isNull();
    }

    @Test
    void textThatIsNotUtf8OrHasControlCharactersIsNotText() {
        byte[] gbk = "服务网点编码,名称\r\n".getBytes(Charset.forName("GBK"));
        assertThat(FileKind.of(gbk, true)).isNull();
        assertThat(FileKind.of("name\u0000value".getBytes(StandardCharsets.UTF_8), true)).isNull();
        assertThat(FileKind.of(new byte[0], true)).isNull();
    }

    @Test
    void aSampleMayCutTheLastCharacterInTwoButAWholeFileMayNot() {
        byte[] text = "芝罘区人社局".getBytes(StandardCharsets.UTF_8);
        byte[] cut = Arrays.copyOf(text, text.length - 1);
        assertThat(FileKind.of(cut, false)).as("the rest of the character follows the sample").isEqualTo(FileKind.TEXT);
        assertThat(FileKind.of(cut, true)).as("a whole file ending in half a character").isNull();
    }
}
