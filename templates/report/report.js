// The filter box: hide rows whose search text lacks the query, then hide entries and domain
// groups left without a visible row, and dim graph nodes that do not match. Text only (no
// innerHTML), so names from the log never become markup.
;(function () {
  var input = document.getElementById('filter')
  var counter = document.getElementById('filter-count')
  var rows = Array.prototype.slice.call(document.querySelectorAll('tr.name'))
  var groups = Array.prototype.slice.call(document.querySelectorAll('tbody.group'))
  var nodes = Array.prototype.slice.call(document.querySelectorAll('svg .node'))

  function apply() {
    var query = input.value.trim().toLowerCase()
    var shown = 0
    rows.forEach(function (row) {
      var match = query === '' || row.getAttribute('data-search').indexOf(query) !== -1
      row.hidden = !match
      if (match) shown++
    })
    groups.forEach(function (group) {
      var visible = {}
      var any = false
      group.querySelectorAll('tr.name').forEach(function (row) {
        if (row.hidden) return
        any = true
        visible[row.getAttribute('data-entry')] = true
      })
      group.querySelectorAll('tr.entry').forEach(function (entry) {
        entry.hidden = query !== '' && !visible[entry.getAttribute('data-entry')]
      })
      group.hidden = query !== '' && !any
    })
    nodes.forEach(function (node) {
      var name = node.getAttribute('data-name').toLowerCase()
      node.classList.toggle('dim', query !== '' && name.indexOf(query) === -1)
    })
    counter.textContent =
      query === '' ? rows.length + ' names' : shown + ' of ' + rows.length + ' names'
  }

  input.addEventListener('input', apply)
  apply()
})()
