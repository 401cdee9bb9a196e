"""The tile-grid map's positions: every province once, one per tile, in Thailand's shape."""

from __future__ import annotations

from ita import geography, province_grid


def test_every_province_has_exactly_one_tile() -> None:
    codes = [tile.province_code for tile in province_grid.tiles()]
    assert sorted(codes) == sorted(geography.provinces().values())
    assert len(codes) == len(set(codes)) == 77


def test_no_two_provinces_share_a_tile() -> None:
    places = [(tile.row, tile.column) for tile in province_grid.tiles()]
    assert len(set(places)) == len(places)


def test_names_are_geothai_names_of_the_codes() -> None:
    by_code = geography.province_by_code()
    assert all(tile.name_th == by_code[tile.province_code] for tile in province_grid.tiles())


def test_the_grid_keeps_thailands_shape() -> None:
    where = {tile.name_th: (tile.row, tile.column) for tile in province_grid.tiles()}
    assert where["เชียงราย"][0] == 0  # the northernmost province on the top row
    assert where["นราธิวาส"][0] == max(row for row, _ in where.values())  # the far south at the bottom
    bangkok_row, bangkok_column = where["กรุงเทพมหานคร"]
    nonthaburi_row, nonthaburi_column = where["นนทบุรี"]
    assert abs(bangkok_row - nonthaburi_row) + abs(bangkok_column - nonthaburi_column) <= 2  # neighbours
    assert where["อุบลราชธานี"][1] > bangkok_column  # the northeast lies east of Bangkok
