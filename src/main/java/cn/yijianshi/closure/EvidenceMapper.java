package cn.yijianshi.closure;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

import org.apache.ibatis.annotations.Mapper;
import org.apache.ibatis.annotations.Param;

/** issue_attachment, issue_callback and issue_supervision: what an issue's closure and supervision rest on. SQL in EvidenceMapper.xml. */
@Mapper
public interface EvidenceMapper {

    /** An attachment without its content. */
    record AttachmentRow(long id, String issueId, String fileName, String mediaType, long sizeBytes, String uploadedBy,
                         Instant uploadedAt) {
    }

    record CallBackRow(long id, String issueId, String calledBy, Instant calledAt, String answer, boolean satisfied,
                       String recordedBy, Instant recordedAt) {
    }

    record SupervisionRow(long id, String issueId, String reason, LocalDate deadline, String requestedBy, Instant requestedAt,
                          String instructions, String instructedBy, Instant instructedAt) {
    }

    /** An attachment to keep; {@code id} is filled in by the insert. */
    final class NewAttachment {
        public Long id;
        public final String issueId;
        public final String fileName;
        public final String mediaType;
        public final byte[] content;
        public final long sizeBytes;
        public final String uploadedBy;
        public final Instant uploadedAt;

        public NewAttachment(String issueId, String fileName, String mediaType, byte[] content, String uploadedBy, Instant uploadedAt) {
            this.issueId = issueId;
            this.fileName = fileName;
            this.mediaType = mediaType;
            this.content = content;
            this.sizeBytes = content.length;
            this.uploadedBy = uploadedBy;
            this.uploadedAt = uploadedAt;
        }
    }

    void insertAttachment(NewAttachment attachment);

    List<AttachmentRow> attachments(@Param("issueId") String issueId);

    AttachmentRow attachment(@Param("issueId") String issueId, @Param("id") long id);

    /** An attachment's bytes. */
    record Content(byte[] bytes) {
    }

    Content content(@Param("issueId") String issueId, @Param("id") long id);

    int countAttachments(@Param("issueId") String issueId);

    void insertCallBack(@Param("issueId") String issueId, @Param("calledBy") String calledBy, @Param("calledAt") Instant calledAt,
                        @Param("answer") String answer, @Param("satisfied") boolean satisfied,
                        @Param("recordedBy") String recordedBy, @Param("recordedAt") Instant recordedAt);

    List<CallBackRow> callBacks(@Param("issueId") String issueId);

    void insertSupervision(@Param("issueId") String issueId, @Param("reason") String reason, @Param("deadline") LocalDate deadline,
                           @Param("requestedBy") String requestedBy, @Param("requestedAt") Instant requestedAt);

    List<SupervisionRow> supervisions(@Param("issueId") String issueId);

    /** The 批示 on the earliest request still without one; 0 when every request has its 批示. */
    int instruct(@Param("issueId") String issueId, @Param("instructions") String instructions,
                 @Param("instructedBy") String instructedBy, @Param("instructedAt") Instant instructedAt);
}
