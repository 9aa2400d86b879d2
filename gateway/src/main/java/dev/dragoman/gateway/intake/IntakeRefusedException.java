package dev.dragoman.gateway.intake;

import java.util.Objects;
import org.springframework.http.ProblemDetail;

/** An event refused with the problem to answer; thrown inside the storing transaction, so nothing of it stays. */
public class IntakeRefusedException extends RuntimeException {

    private final transient ProblemDetail problem;

    public IntakeRefusedException(ProblemDetail problem) {
        super(problem.getDetail(), null, false, false);
        this.problem = Objects.requireNonNull(problem, "problem");
    }

    public ProblemDetail problem() {
        return problem;
    }
}
