package cn.yijianshi.upload;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * What an uploaded file is, told by its first bytes (its magic number), never by its name or the
 * Content-Type a client declares: a program renamed 报告.pdf starts with "MZ" and is none of these.
 * Which kinds an endpoint takes is policy ({@code yijianshi.upload.rules.*.types}); the signatures are
 * facts of the formats (ISO 32000 for PDF, the PNG and JPEG/JFIF specifications, PKWARE's APPNOTE).
 */
public enum FileKind {

    PDF("PDF 文件", "PDF file", "application/pdf", bytes("%PDF-")),
    PNG("PNG 图片", "PNG image", "image/png", new byte[] {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n'}),
    JPEG("JPEG 图片", "JPEG image", "image/jpeg", new byte[] {(byte) 0xff, (byte) 0xd8, (byte) 0xff}),
    /** A ZIP archive's first local file header; an Excel workbook (.xlsx) is such an archive. */
    ZIP("ZIP 压缩包（含 .xlsx 表格）", "ZIP archive (also .xlsx)", "application/zip", new byte[] {'P', 'K', 3, 4}),
    /** Plain text such as CSV: valid UTF-8 (with or without a byte-order mark), no control characters but tab and line ends. */
    TEXT("UTF-8 文本（CSV）", "UTF-8 text (CSV)", "text/plain;charset=UTF-8", null);

    /** How many leading bytes are looked at: every signature, and enough text to tell text from binary. */
    public static final int SAMPLE_BYTES = 8192;

    private final String nameZh;
    private final String nameEn;
    private final String mediaType;
    private final byte[] signature;

    FileKind(String nameZh, String nameEn, String mediaType, byte[] signature) {
        this.nameZh = nameZh;
        this.nameEn = nameEn;
        this.mediaType = mediaType;
        this.signature = signature;
    }

    public String nameZh() {
        return nameZh;
    }

    public String nameEn() {
        return nameEn;
    }

    /** The media type to store and serve the file with (what it is, not what the client said). */
    public String mediaType() {
        return mediaType;
    }

    /**
     * The kind of a file from its first bytes, or null when it is none of ours.
     *
     * @param head     up to {@link #SAMPLE_BYTES} leading bytes
     * @param complete whether {@code head} is the whole file (then a cut-off UTF-8 character at its end is an error)
     */
    public static FileKind of(byte[] head, boolean complete) {
        for (FileKind kind : values()) {
            if (kind.signature != null && startsWith(head, kind.signature)) {
                return kind;
            }
        }
        return isText(head, complete) ? TEXT : null;
    }

    private static boolean startsWith(byte[] head, byte[] signature) {
        return head.length >= signature.length && Arrays.equals(head, 0, signature.length, signature, 0, signature.length);
    }

    private static boolean isText(byte[] head, boolean complete) {
        if (head.length == 0) {
            return false;
        }
        for (byte b : head) {
            if ((b >= 0 && b < 0x20 && b != '\t' && b != '\n' && b != '\r') || b == 0x7f) {
                return false;
            }
        }
        int end = complete ? head.length : head.length - cutOffCharacter(head);
        CharsetDecoder utf8 = StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT).onUnmappableCharacter(CodingErrorAction.REPORT);
        try {
            utf8.decode(ByteBuffer.wrap(head, 0, end));
            return true;
        } catch (CharacterCodingException e) {
            return false;
        }
    }

    /** How many bytes at the end of a sample belong to a UTF-8 character the sample cut in two (0 to 3). */
    private static int cutOffCharacter(byte[] head) {
        for (int back = 1; back <= Math.min(3, head.length); back++) {
            int b = head[head.length - back] & 0xff;
            if ((b & 0xc0) != 0x80) {
                int length = b >= 0xf0 ? 4 : b >= 0xe0 ? 3 : b >= 0xc0 ? 2 : 1;
                return length > back ? back : 0;
            }
        }
        return 0;
    }

    private static byte[] bytes(String ascii) {
        return ascii.getBytes(StandardCharsets.US_ASCII);
    }
}
