package vn.motcua.nlu;

/** An intent with the classifier's probability for it. */
public record ScoredIntent(String intent, double score) {
}
