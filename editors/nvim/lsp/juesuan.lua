-- juesuan: linter and language server for departmental final-accounts reports
-- (部门决算公开). Neovim 0.11+ `vim.lsp.config` file.
--
-- Put the directory that holds this `lsp/` folder on 'runtimepath' (or copy
-- this file to ~/.config/nvim/lsp/juesuan.lua), then:
--
--   vim.lsp.enable('juesuan')
--
-- Override anything with vim.lsp.config('juesuan', { ... }), e.g. the server
-- path or settings; `settings.juesuan` takes the keys of .juesuan.json
-- (rules, failLevel, reportYear, catalogueEdition, catalogue, ignore,
-- explainThreshold) and overrides the file.

---@type vim.lsp.Config
return {
  cmd = { 'juesuan', 'lsp' },
  filetypes = { 'text', 'markdown' },
  root_markers = { '.juesuan.json', '.git' },
  settings = {
    -- An empty object, not `{}`: Neovim encodes an empty Lua table as a JSON
    -- array, and the server expects the `juesuan` section to be an object.
    juesuan = vim.empty_dict(),
  },
}
