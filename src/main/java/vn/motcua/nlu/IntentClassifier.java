package vn.motcua.nlu;

/** Tells which of the {@link Intents} a normalized message most likely means. */
public interface IntentClassifier {

    Classification classify(NormalizedText text);
}
