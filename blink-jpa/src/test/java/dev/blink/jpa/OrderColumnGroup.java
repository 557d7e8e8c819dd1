package dev.blink.jpa;

import dev.blink.Plan;
import jakarta.persistence.Entity;
import jakarta.persistence.EntityManager;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.OneToMany;
import jakarta.persistence.OrderColumn;
import jakarta.persistence.Table;
import java.util.ArrayList;
import java.util.List;
import org.hibernate.annotations.ListIndexBase;

/**
 * Inverse lists with {@code @OrderColumn}: the position is in the element's table, and Hibernate
 * writes it from the owner's list (0, 1, … or from a {@code @ListIndexBase}).
 */
final class OrderColumnGroup implements EntityGroup {

    @Entity(name = "OcPlaylist")
    @Table(name = "oc_playlists")
    static class Playlist {
        @Id
        @GeneratedValue(strategy = GenerationType.SEQUENCE)
        Long id;
        String name;
        @OneToMany(mappedBy = "playlist")
        @OrderColumn(name = "position")
        List<Track> tracks = new ArrayList<>();
    }

    @Entity(name = "OcTrack")
    @Table(name = "oc_tracks")
    static class Track {
        @Id
        @GeneratedValue(strategy = GenerationType.SEQUENCE)
        Long id;
        String title;
        @ManyToOne
        @JoinColumn(name = "playlist_id")
        Playlist playlist;
    }

    @Entity(name = "OcAlbum")
    @Table(name = "oc_albums")
    static class Album {
        @Id
        Long id;
        @OneToMany(mappedBy = "album")
        @OrderColumn(name = "track_no")
        @ListIndexBase(1)
        List<Song> songs = new ArrayList<>();
    }

    @Entity(name = "OcSong")
    @Table(name = "oc_songs")
    static class Song {
        @Id
        @GeneratedValue(strategy = GenerationType.IDENTITY)
        Long id;
        String title;
        @ManyToOne
        Album album;
    }

    final List<Playlist> playlists = new ArrayList<>();
    final List<Track> tracks = new ArrayList<>();
    final List<Album> albums = new ArrayList<>();
    final List<Song> songs = new ArrayList<>();

    OrderColumnGroup() {
        for (int p = 1; p <= 3; p++) {
            Playlist playlist = new Playlist();
            playlist.name = "playlist " + p;
            playlists.add(playlist);
        }
        // tracks built in an order other than their lists' order, and one in no list
        for (int t = 0; t < 10; t++) {
            Track track = new Track();
            track.title = "track " + t;
            track.playlist = playlists.get(t % 3);
            track.playlist.tracks.add(0, track);
            tracks.add(track);
        }
        Track loose = new Track();
        loose.title = "in no list";
        tracks.add(loose);
        for (long a = 1; a <= 2; a++) {
            Album album = new Album();
            album.id = a;
            albums.add(album);
            for (int s = 0; s < 4; s++) {
                Song song = new Song();
                song.title = "song " + a + "." + s;
                song.album = album;
                album.songs.add(song);
                songs.add(song);
            }
        }
    }

    @Override
    public List<String> tables() {
        return List.of("oc_playlists", "oc_tracks", "oc_albums", "oc_songs");
    }

    @Override
    public void persist(EntityManager em) {
        playlists.forEach(em::persist);
        tracks.forEach(em::persist);
        albums.forEach(em::persist);
        songs.forEach(em::persist);
    }

    @Override
    public void addTo(Plan plan, JpaTables tables) {
        tables.addTo(plan, Playlist.class, store -> playlists);
        tables.addTo(plan, Track.class, store -> tracks);
        tables.addTo(plan, Album.class, store -> albums);
        tables.addTo(plan, Song.class, store -> songs);
    }

    @Override
    public List<Object> entities() {
        List<Object> all = new ArrayList<>(playlists);
        all.addAll(tracks);
        all.addAll(albums);
        all.addAll(songs);
        return all;
    }

    @Override
    public List<Object> more(EntityManager em) {
        Playlist playlist = new Playlist();
        playlist.name = "after the seed";
        Track track = new Track();
        track.title = "after the seed";
        track.playlist = playlist;
        playlist.tracks.add(track);
        Album album = new Album();
        album.id = 100L;
        Song song = new Song();
        song.album = album;
        album.songs.add(song);
        return List.of(playlist, track, album, song);
    }
}
