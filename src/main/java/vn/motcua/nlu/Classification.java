package vn.motcua.nlu;

import java.util.List;

/** The classifier's answer: the best intent, its confidence, and every intent ranked best first. */
public record Classification(String intent, double confidence, List<ScoredIntent> ranking) {
}
