package vn.motcua.knowledge;

import java.util.List;

/**
 * Which directory entries an answer lists (the {@code services:} key of an answer): services of these types,
 * nearest to the person first, at most {@code limit}.
 */
public record ServiceQuery(List<ServiceType> types, int limit) {

    public ServiceQuery {
        types = List.copyOf(types);
    }
}
