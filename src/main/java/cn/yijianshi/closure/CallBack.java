package cn.yijianshi.closure;

import java.time.LocalDateTime;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

/**
 * 回访记录: who called the citizen, when (the hall's wall-clock time), and what the citizen answered. Recorded with
 * every 回访确认, satisfied (销号) or not (重办).
 */
public record CallBack(
        @NotBlank(message = "必须填写回访人|who called is required") @Size(max = 64, message = "回访人最多64字|at most 64 characters") String calledBy,
        @NotNull(message = "必须填写回访时间|when the call was made is required") LocalDateTime calledAt,
        @NotBlank(message = "必须填写群众答复|the citizen's answer is required") @Size(max = 1000, message = "群众答复最多1000字|at most 1000 characters") String answer) {
}
