from http import HTTPStatus
from typing import Any, cast
from urllib.parse import quote

import httpx

from ...client import AuthenticatedClient, Client
from ...types import Response, UNSET
from ... import errors

from ...models.error import Error
from ...models.get_v1_users_role_type_1 import GetV1UsersRoleType1
from ...models.get_v1_users_role_type_2_type_1 import GetV1UsersRoleType2Type1
from ...models.get_v1_users_role_type_3_type_1 import GetV1UsersRoleType3Type1
from ...models.get_v1_users_status_type_1 import GetV1UsersStatusType1
from ...models.get_v1_users_status_type_2_type_1 import GetV1UsersStatusType2Type1
from ...models.get_v1_users_status_type_3_type_1 import GetV1UsersStatusType3Type1
from ...models.user_page import UserPage
from ...types import UNSET, Unset
from typing import cast



def _get_kwargs(
    *,
    limit: int | Unset = 50,
    cursor: None | str | Unset = UNSET,
    role: GetV1UsersRoleType1 | GetV1UsersRoleType2Type1 | GetV1UsersRoleType3Type1 | None | Unset = UNSET,
    status: GetV1UsersStatusType1 | GetV1UsersStatusType2Type1 | GetV1UsersStatusType3Type1 | None | Unset = UNSET,
    referrer_id: None | str | Unset = UNSET,

) -> dict[str, Any]:
    

    

    params: dict[str, Any] = {}

    params["limit"] = limit

    json_cursor: None | str | Unset
    if isinstance(cursor, Unset):
        json_cursor = UNSET
    else:
        json_cursor = cursor
    params["cursor"] = json_cursor

    json_role: None | str | Unset
    if isinstance(role, Unset):
        json_role = UNSET
    elif isinstance(role, GetV1UsersRoleType1):
        json_role = role.value
    elif isinstance(role, GetV1UsersRoleType2Type1):
        json_role = role.value
    elif isinstance(role, GetV1UsersRoleType3Type1):
        json_role = role.value
    else:
        json_role = role
    params["role"] = json_role

    json_status: None | str | Unset
    if isinstance(status, Unset):
        json_status = UNSET
    elif isinstance(status, GetV1UsersStatusType1):
        json_status = status.value
    elif isinstance(status, GetV1UsersStatusType2Type1):
        json_status = status.value
    elif isinstance(status, GetV1UsersStatusType3Type1):
        json_status = status.value
    else:
        json_status = status
    params["status"] = json_status

    json_referrer_id: None | str | Unset
    if isinstance(referrer_id, Unset):
        json_referrer_id = UNSET
    else:
        json_referrer_id = referrer_id
    params["referrer_id"] = json_referrer_id


    params = {k: v for k, v in params.items() if v is not UNSET and v is not None}


    _kwargs: dict[str, Any] = {
        "method": "get",
        "url": "/v1/users",
        "params": params,
    }


    return _kwargs



def _parse_response(*, client: AuthenticatedClient | Client, response: httpx.Response) -> Error | UserPage:
    if response.status_code == 200:
        response_200 = UserPage.from_dict(response.json())



        return response_200

    if response.status_code == 401:
        response_401 = Error.from_dict(response.json())



        return response_401

    if response.status_code == 403:
        response_403 = Error.from_dict(response.json())



        return response_403

    if response.status_code == 404:
        response_404 = Error.from_dict(response.json())



        return response_404

    if response.status_code == 422:
        response_422 = Error.from_dict(response.json())



        return response_422

    if response.status_code == 429:
        response_429 = Error.from_dict(response.json())



        return response_429

    if response.status_code == 503:
        response_503 = Error.from_dict(response.json())



        return response_503

    response_default = Error.from_dict(response.json())



    return response_default



def _build_response(*, client: AuthenticatedClient | Client, response: httpx.Response) -> Response[Error | UserPage]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    *,
    client: AuthenticatedClient | Client,
    limit: int | Unset = 50,
    cursor: None | str | Unset = UNSET,
    role: GetV1UsersRoleType1 | GetV1UsersRoleType2Type1 | GetV1UsersRoleType3Type1 | None | Unset = UNSET,
    status: GetV1UsersStatusType1 | GetV1UsersStatusType2Type1 | GetV1UsersStatusType3Type1 | None | Unset = UNSET,
    referrer_id: None | str | Unset = UNSET,

) -> Response[Error | UserPage]:
    """ List users by id, filtered by role, status or referrer

    Args:
        limit (int | Unset):  Default: 50. Example: 50.
        cursor (None | str | Unset):
        role (GetV1UsersRoleType1 | GetV1UsersRoleType2Type1 | GetV1UsersRoleType3Type1 | None |
            Unset):
        status (GetV1UsersStatusType1 | GetV1UsersStatusType2Type1 | GetV1UsersStatusType3Type1 |
            None | Unset):
        referrer_id (None | str | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Error | UserPage]
     """


    kwargs = _get_kwargs(
        limit=limit,
cursor=cursor,
role=role,
status=status,
referrer_id=referrer_id,

    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)

def sync(
    *,
    client: AuthenticatedClient | Client,
    limit: int | Unset = 50,
    cursor: None | str | Unset = UNSET,
    role: GetV1UsersRoleType1 | GetV1UsersRoleType2Type1 | GetV1UsersRoleType3Type1 | None | Unset = UNSET,
    status: GetV1UsersStatusType1 | GetV1UsersStatusType2Type1 | GetV1UsersStatusType3Type1 | None | Unset = UNSET,
    referrer_id: None | str | Unset = UNSET,

) -> Error | UserPage | None:
    """ List users by id, filtered by role, status or referrer

    Args:
        limit (int | Unset):  Default: 50. Example: 50.
        cursor (None | str | Unset):
        role (GetV1UsersRoleType1 | GetV1UsersRoleType2Type1 | GetV1UsersRoleType3Type1 | None |
            Unset):
        status (GetV1UsersStatusType1 | GetV1UsersStatusType2Type1 | GetV1UsersStatusType3Type1 |
            None | Unset):
        referrer_id (None | str | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Error | UserPage
     """


    return sync_detailed(
        client=client,
limit=limit,
cursor=cursor,
role=role,
status=status,
referrer_id=referrer_id,

    ).parsed

async def asyncio_detailed(
    *,
    client: AuthenticatedClient | Client,
    limit: int | Unset = 50,
    cursor: None | str | Unset = UNSET,
    role: GetV1UsersRoleType1 | GetV1UsersRoleType2Type1 | GetV1UsersRoleType3Type1 | None | Unset = UNSET,
    status: GetV1UsersStatusType1 | GetV1UsersStatusType2Type1 | GetV1UsersStatusType3Type1 | None | Unset = UNSET,
    referrer_id: None | str | Unset = UNSET,

) -> Response[Error | UserPage]:
    """ List users by id, filtered by role, status or referrer

    Args:
        limit (int | Unset):  Default: 50. Example: 50.
        cursor (None | str | Unset):
        role (GetV1UsersRoleType1 | GetV1UsersRoleType2Type1 | GetV1UsersRoleType3Type1 | None |
            Unset):
        status (GetV1UsersStatusType1 | GetV1UsersStatusType2Type1 | GetV1UsersStatusType3Type1 |
            None | Unset):
        referrer_id (None | str | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Error | UserPage]
     """


    kwargs = _get_kwargs(
        limit=limit,
cursor=cursor,
role=role,
status=status,
referrer_id=referrer_id,

    )

    response = await client.get_async_httpx_client().request(
        **kwargs
    )

    return _build_response(client=client, response=response)

async def asyncio(
    *,
    client: AuthenticatedClient | Client,
    limit: int | Unset = 50,
    cursor: None | str | Unset = UNSET,
    role: GetV1UsersRoleType1 | GetV1UsersRoleType2Type1 | GetV1UsersRoleType3Type1 | None | Unset = UNSET,
    status: GetV1UsersStatusType1 | GetV1UsersStatusType2Type1 | GetV1UsersStatusType3Type1 | None | Unset = UNSET,
    referrer_id: None | str | Unset = UNSET,

) -> Error | UserPage | None:
    """ List users by id, filtered by role, status or referrer

    Args:
        limit (int | Unset):  Default: 50. Example: 50.
        cursor (None | str | Unset):
        role (GetV1UsersRoleType1 | GetV1UsersRoleType2Type1 | GetV1UsersRoleType3Type1 | None |
            Unset):
        status (GetV1UsersStatusType1 | GetV1UsersStatusType2Type1 | GetV1UsersStatusType3Type1 |
            None | Unset):
        referrer_id (None | str | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Error | UserPage
     """


    return (await asyncio_detailed(
        client=client,
limit=limit,
cursor=cursor,
role=role,
status=status,
referrer_id=referrer_id,

    )).parsed
