package io.mercator.demo;

/** The behavioural customer segments planted in the generated data. */
public enum Segment {
    /** Frequent visits, large baskets, focused taste. */
    LOYAL("loyal", 0.20, 2.0 / 7, 6, 0.5, 1.0, false),
    /** Weekly visits, drawn to promoted products. */
    BARGAIN_HUNTER("bargain-hunter", 0.25, 1.0 / 7, 4, 1.5, 6.0, false),
    /** A visit a month, small baskets, broad taste. */
    OCCASIONAL("occasional", 0.40, 1.0 / 30, 3, 2.0, 1.5, false),
    /** Like loyal customers until a day in the first part of the history, then never again. */
    LAPSED("lapsed", 0.15, 1.5 / 7, 5, 0.8, 1.0, true);

    final String label;
    final double share;
    final double visitsPerDay;
    final double basketSize;
    /** Dirichlet concentration of category taste: small is focused, large is broad. */
    final double tasteConcentration;
    /** How much more likely a promoted product is picked. */
    final double promotionAffinity;
    final boolean churns;

    Segment(String label, double share, double visitsPerDay, double basketSize, double tasteConcentration,
            double promotionAffinity, boolean churns) {
        this.label = label;
        this.share = share;
        this.visitsPerDay = visitsPerDay;
        this.basketSize = basketSize;
        this.tasteConcentration = tasteConcentration;
        this.promotionAffinity = promotionAffinity;
        this.churns = churns;
    }

    /** @return the name written to the truth files */
    public String label() {
        return label;
    }
}
