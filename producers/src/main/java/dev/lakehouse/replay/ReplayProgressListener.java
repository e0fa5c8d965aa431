package dev.lakehouse.replay;

/** Told how a replay is doing about every 200 ms, on the replay thread: keep it quick. */
@FunctionalInterface
public interface ReplayProgressListener {
    ReplayProgressListener NONE = progress -> { };

    void onProgress(ReplayProgress progress);
}
