package vn.motcua.outbox;

import java.util.List;

/** Where failed sends are recorded for operators and caseworkers. */
public interface FailedSendLog {

    void record(FailedSend failure);

    /** The most recent failures, newest last. */
    List<FailedSend> recent();
}
