package cn.yijianshi.upload;

import cn.yijianshi.system.ApiProblem;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.multipart.MaxUploadSizeExceededException;

/**
 * Answers the refusals of the upload policy that reach an endpoint as exceptions, in the hall's problem shape:
 * a chunked body cut off while the endpoint read it, and a multipart body past what Tomcat parses at all.
 * (A JSON body cut off arrives wrapped by the JSON reader: see ApiProblemResponses.)
 */
@RestControllerAdvice
public class UploadRefusals {

    private final long multipartMaxBytes;

    public UploadRefusals(org.springframework.boot.autoconfigure.web.servlet.MultipartProperties multipart) {
        this.multipartMaxBytes = multipart.getMaxRequestSize().toBytes();
    }

    @ExceptionHandler(BodyTooLarge.class)
    ResponseEntity<ApiProblem> bodyTooLarge(BodyTooLarge e) {
        return ResponseEntity.status(HttpStatus.PAYLOAD_TOO_LARGE).body(e.problem());
    }

    @ExceptionHandler(MaxUploadSizeExceededException.class)
    ResponseEntity<ApiProblem> multipartTooLarge(MaxUploadSizeExceededException e) {
        long limit = e.getMaxUploadSize() > 0 ? e.getMaxUploadSize() : multipartMaxBytes;
        return ResponseEntity.status(HttpStatus.PAYLOAD_TOO_LARGE).body(UploadPolicy.tooLarge("body", limit).toProblem());
    }
}
