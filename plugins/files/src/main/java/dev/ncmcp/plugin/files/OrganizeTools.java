package dev.ncmcp.plugin.files;

import dev.ncmcp.spi.ToolAnnotations;
import dev.ncmcp.spi.ToolDefinition;
import dev.ncmcp.spi.ToolException;
import dev.ncmcp.spi.ToolInvocation;
import dev.ncmcp.spi.dav.Dav;
import dev.ncmcp.spi.files.FilePath;
import dev.ncmcp.spi.files.UserFiles;
import dev.ncmcp.spi.nextcloud.Answer;
import dev.ncmcp.spi.nextcloud.NextcloudRequest;
import dev.ncmcp.spi.nextcloud.NextcloudResponse;
import dev.ncmcp.spi.tool.Default;
import dev.ncmcp.spi.tool.Description;
import dev.ncmcp.spi.tool.Tool;

import java.util.List;

import static dev.ncmcp.spi.ToolException.invalidArgument;
import static dev.ncmcp.spi.ToolException.notFound;

/** Deleting, moving and copying: nc_files_delete, nc_files_move, nc_files_copy. */
final class OrganizeTools {

    record Delete(@Description("File or folder to delete; a folder is deleted with everything in it") String path) {}

    record Deleted(@Description("What was deleted") String path, @Description("Always true") boolean deleted) {}

    record Transfer(@Description("Existing file or folder, e.g. /Documents/draft.md") String source,
                    @Description("The full new path including the name, e.g. /Archive/draft.md (not just the target "
                            + "folder). Its folder must exist.") String destination,
                    @Description("Replace whatever exists at the destination; otherwise an existing destination is a "
                            + "CONFLICT") @Default("false") boolean overwrite) {}

    record Transferred(@Description("The source path") String source,
                       @Description("The destination path: the new place, or the copy") String destination,
                       @Description("true if something at the destination was replaced") boolean overwritten) {}

    List<ToolDefinition> tools() {
        return List.of(
                Tool.define("nc_files_delete", Delete.class, Deleted.class).title("Delete a file or folder")
                        .description("""
                                Deletes a file, or a folder with everything inside it, from the user's Nextcloud files. \
                                On Nextcloud it goes to the trash bin if that app is enabled; on other WebDAV servers \
                                it is gone for good. Confirm with the user before deleting folders.""")
                        .annotations(ToolAnnotations.DESTRUCTIVE).requires(FilesPlugin.WRITE)
                        .handler(this::delete),
                Tool.define("nc_files_move", Transfer.class, Transferred.class).title("Move or rename")
                        .description("""
                                Moves or renames a file or folder in the user's Nextcloud files. 'destination' is the \
                                complete new path, including the name. An existing destination is not replaced unless \
                                'overwrite' is true.""")
                        .annotations(ToolAnnotations.DESTRUCTIVE).requires(FilesPlugin.WRITE)
                        .handler((args, call) -> transfer(args, call, "MOVE")),
                Tool.define("nc_files_copy", Transfer.class, Transferred.class).title("Copy")
                        .description("""
                                Copies a file or a folder with everything in it within the user's Nextcloud files. \
                                'destination' is the complete path of the copy, including the name. An existing \
                                destination is not replaced unless 'overwrite' is true.""")
                        .annotations(ToolAnnotations.IDEMPOTENT_WRITE).requires(FilesPlugin.WRITE)
                        .handler((args, call) -> transfer(args, call, "COPY")));
    }

    private Deleted delete(Delete args, ToolInvocation call) throws ToolException {
        FilePath path = FilePath.parse("path", args.path());
        if (path.isRoot()) {
            throw invalidArgument("The root folder / cannot be deleted; name a file or folder inside it.");
        }
        UserFiles files = UserFiles.of(call.nextcloud());
        Answer.of(files.sendToPath(slash -> NextcloudRequest.delete(files.href(path, slash)).build())).about(path.path())
                .on(404, refusal -> notFound("Nothing exists at " + path.path() + "; it may already be deleted."))
                .expect(200, 204);
        return new Deleted(path.path(), true);
    }

    private Transferred transfer(Transfer args, ToolInvocation call, String method) throws ToolException {
        FilePath source = FilePath.parse("source", args.source());
        FilePath target = FilePath.parse("destination", args.destination());
        String done = method.equals("MOVE") ? "moved" : "copied";
        if (source.isRoot()) {
            throw invalidArgument("The root folder / cannot be " + done + ".");
        }
        if (target.isRoot()) {
            throw invalidArgument("'destination' must be the full new path including the name, e.g. /" + source.name()
                    + ", not the root folder.");
        }
        if (source.equals(target)) {
            throw invalidArgument("'source' and 'destination' are the same path.");
        }
        if (source.contains(target)) {
            throw invalidArgument("A folder cannot be " + done + " into itself (" + target.path() + " is inside "
                    + source.path() + ").");
        }
        UserFiles files = UserFiles.of(call.nextcloud());
        NextcloudResponse response = Answer.of(files.sendToPath(slash -> Dav.transfer(method, files.href(source, slash),
                        files.url(target, slash), args.overwrite()))).about(source.path() + " → " + target.path())
                .on(412, refusal -> ToolException.conflict(target.path() + " already exists. Choose another destination, "
                        + "or pass 'overwrite': true to replace it.", files.current(target)))
                .on(404, refusal -> notFound("Nothing exists at " + source.path() + ". List " + source.parent().path()
                        + " to see what is there."))
                .on(409, refusal -> Reasons.saysParentIsMissing(refusal) ? notFound("The folder "
                        + target.parent().path() + " does not exist. Create it with nc_files_create_directory first.")
                        : null)
                .on(415, refusal -> invalidArgument(target.parent().path() + " is a file, not a folder, so nothing can "
                        + "be " + done + " into it" + Reasons.because(refusal)))
                .expect(201, 204);
        return new Transferred(source.path(), target.path(), response.status() == 204);
    }
}
